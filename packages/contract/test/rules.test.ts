/**
 * The forms check what the citizen typed before sending; the API checks it again on arrival. These
 * properties prove both say yes to exactly the same values, for every field with a rule: the
 * forms' own check functions (as the widgets call them) against the API's zod schemas (as the
 * server parses), on generated strings built to sit on the edges of each rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { FeedbackInput, LIMITS, NOTICES, QuestionInput, isEmail, isPhone } from '../src/index.js';
import { validate as validateQuestion, type AskValues } from '../../widgets/src/qa-box/qa-box.form.js';
import { strings as askStrings } from '../../widgets/src/qa-box/qa-box.ask.i18n.js';
import { validate as validateFeedback, type FeedbackValues } from '../../widgets/src/feedback-form/feedback-form.validate.js';

const RUNS = { numRuns: 3000 };

// ── What the forms send, as the widgets build it ───────────────────────────────────────────────

const validQuestion: AskValues = {
  field: 'dat-dai',
  title: 'Tranh chấp ranh giới đất',
  content: 'Nhà tôi và nhà hàng xóm tranh chấp ranh giới đất, phải làm gì?',
  name: 'Nguyễn Văn A',
  email: 'nguyen.van.a@example.com',
  phone: '',
  consents: ['xu-ly-cau-hoi'],
};

/** The ask form (qa-box.ask.ts values() trims every field), its verdict on one field, and the API's. */
function question(field: 'title' | 'content' | 'name' | 'email' | 'phone', typed: string) {
  const v = { ...validQuestion, [field]: typed.trim() };
  // No contact rule and no required name: the schema alone decides, as it does before the site's rules.
  const errors = validateQuestion(v, { contactRule: 'none', requireName: false }, askStrings.vi, NOTICES.question.required);
  const body = { site: 'demo', ...v, noticeVersion: NOTICES.question.version, website: '', altcha: 'proof' };
  return { form: !(field in errors), api: z.safeParse(QuestionInput, body).success, otherErrors: Object.keys(errors).filter((k) => k !== field) };
}

/** The feedback form (feedback-form.parts.ts body()): message and contact trimmed, an empty contact left out. */
function feedback(field: 'message' | 'contact', typed: string) {
  const v: FeedbackValues = { rating: 4, message: '', contact: '', consent: true, contactConsent: true, [field]: typed };
  const errors = validateFeedback(v);
  const contact = v.contact.trim();
  const body = {
    site: 'demo',
    kind: 'page',
    rating: v.rating,
    message: v.message.trim(),
    ...(contact ? { contact } : {}),
    consents: ['xu-ly-gop-y', ...(contact ? ['lien-he-phan-hoi'] : [])],
    noticeVersion: NOTICES.feedback.version,
    website: '',
    altcha: 'proof',
  };
  return { form: !(field in errors), api: z.safeParse(FeedbackInput, body).success };
}

// ── Adversarial strings ────────────────────────────────────────────────────────────────────────

/** Pieces that sit on the edges of the e-mail rule: dots, quotes, spaces, non-ASCII letters, '@'. */
const emailBits = fc.constantFrom(
  'a',
  'Z',
  '9',
  '_',
  '+',
  '-',
  "'",
  '.',
  '..',
  ' ',
  '\t',
  'đ',
  'é',
  'ß',
  '例',
  '😀',
  '@',
  '"',
  '(',
  ')',
  ',',
  ';',
  '\\',
  '[',
  ']',
  '%',
  '!',
  '#',
);
const label = fc.array(fc.constantFrom('a', 'b', 'x', '0', '7', '-', 'đ', '_', 'ü'), { minLength: 0, maxLength: 8 }).map((a) => a.join(''));
const tld = fc.oneof(fc.constantFrom('vn', 'com', 'gov', 'c', 'co1', '123', 'việt', 'VN', 'xn--p1ai'), label);
const email = fc.oneof(
  fc
    .tuple(fc.array(emailBits, { maxLength: 12 }), fc.array(label, { minLength: 0, maxLength: 4 }), tld, fc.constantFrom('', ' ', '.', '  '))
    .map(([local, labels, end, pad]) => `${pad}${local.join('')}@${[...labels, end].join('.')}${pad}`),
  fc.constantFrom(
    'a..b@x.com',
    '.a@x.com',
    'a.@x.com',
    'a@x..com',
    'a@-x.com',
    'a@x.c',
    'a b@x.com',
    'nguyễn@example.vn',
    'a@example.vn',
    'ten@example.com',
    ' ten@example.com ',
    'a@b.vn',
    `${'a'.repeat(245)}@example.com`,
    `${'a'.repeat(242)}@example.com`,
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Vietnamese phone numbers and near misses: +84 and 0 forms, spaces, dots, dashes, other digits. */
const phoneStart = fc.constantFrom('0', '+84', '+84 ', '84', '+840', '0084', '+', '', ' 0', '(+84)', '+84-', '０', '+８４');
const phoneBit = fc.constantFrom('0', '1', '5', '9', ' ', '.', '-', '(', ')', '٣', '１', 'x', '  ', '..');
const phone = fc.oneof(
  fc
    .tuple(phoneStart, fc.array(phoneBit, { minLength: 0, maxLength: 18 }), fc.constantFrom('', ' ', '\u00a0'))
    .map(([a, b, pad]) => `${pad}${a}${b.join('')}${pad}`),
  fc.constantFrom(
    '0912 345 678',
    '0912.345.678',
    '+84 912 345 678',
    '+84912345678',
    '091234567',
    '0912345678901',
    '+84 0912 345 678',
    '0 9 1 2 3 4 5 6 7 8',
    '0912  345  678    ',
    '+84 9 1 2 3 4 5 6 7 8 9',
  ),
  fc.string({ maxLength: 24 }),
);

/** Text around a field's limits: padding the server trims, spaces inside, combining marks and emoji (two code units). */
const textAround = (min: number, max: number) => {
  const unit = fc.constantFrom('a', 'ệ', 'e\u0302\u0323', ' ', '\n', '\t', '😀', '\u00a0', '\u200b', '\u3000');
  const size = fc.oneof(fc.integer({ min: 0, max: min + 3 }), fc.integer({ min: Math.max(0, max - 3), max: max + 3 }));
  return fc.oneof(
    fc.tuple(size, unit, fc.constantFrom('', ' ', '  \n', '\u00a0', '\t')).map(([n, u, pad]) => `${pad}${u.repeat(n)}${pad}`),
    fc
      .tuple(fc.array(unit, { minLength: Math.max(0, min - 2), maxLength: min + 4 }), fc.constantFrom('', ' ', '\n'))
      .map(([a, pad]) => `${pad}${a.join('')}${pad}`),
    fc.string({ maxLength: min + 5 }),
  );
};

describe('the forms accept exactly what the API accepts', () => {
  it('a valid question and valid feedback pass both (the properties below test one field at a time)', () => {
    expect(question('email', validQuestion.email)).toEqual({ form: true, api: true, otherErrors: [] });
    expect(feedback('contact', '0912 345 678')).toEqual({ form: true, api: true });
  });

  it('the generators reach both answers for every field', () => {
    const both = (arb: fc.Arbitrary<string>, ok: (s: string) => boolean) => {
      const seen = fc.sample(arb, { numRuns: 3000, seed: 1 }).map(ok);
      return [seen.includes(true), seen.includes(false)];
    };
    expect(both(email, (s) => isEmail(s.trim()))).toEqual([true, true]);
    expect(both(phone, (s) => isPhone(s.trim()))).toEqual([true, true]);
    for (const f of ['title', 'content', 'name'] as const)
      expect(
        both(textAround(LIMITS[f].min, LIMITS[f].max), (s) => question(f, s).api),
        f,
      ).toEqual([true, true]);
    expect(both(textAround(0, LIMITS.message.max), (s) => feedback('message', s).api)).toEqual([true, true]);
  });

  it('e-mail: the ask form and QuestionInput', () => {
    fc.assert(
      fc.property(email, (s) => {
        const r = question('email', s);
        expect(r.otherErrors).toEqual([]);
        expect(r.form, JSON.stringify(s)).toBe(r.api);
      }),
      RUNS,
    );
  });

  it('phone: the ask form and QuestionInput', () => {
    fc.assert(
      fc.property(phone, (s) => {
        const r = question('phone', s);
        expect(r.form, JSON.stringify(s)).toBe(r.api);
      }),
      RUNS,
    );
  });

  it("e-mail or phone: the feedback form's contact and FeedbackInput", () => {
    fc.assert(
      fc.property(fc.oneof(email, phone), (s) => {
        const r = feedback('contact', s);
        expect(r.form, JSON.stringify(s)).toBe(r.api);
      }),
      RUNS,
    );
  });

  for (const field of ['title', 'content', 'name'] as const) {
    it(`${field} (${LIMITS[field].min}–${LIMITS[field].max} characters): the ask form and QuestionInput`, () => {
      fc.assert(
        fc.property(textAround(LIMITS[field].min, LIMITS[field].max), (s) => {
          const r = question(field, s);
          expect(r.form, JSON.stringify(s)).toBe(r.api);
        }),
        RUNS,
      );
    });
  }

  it(`message (up to ${LIMITS.message.max} characters): the feedback form and FeedbackInput`, () => {
    fc.assert(
      fc.property(textAround(0, LIMITS.message.max), (s) => {
        const r = feedback('message', s);
        expect(r.form, JSON.stringify(s)).toBe(r.api);
      }),
      RUNS,
    );
  });

  it('the cases that used to differ now agree', () => {
    // The ask form had its own e-mail pattern: it let these through and the API refused them.
    for (const s of ['a..b@x.com', '.a@x.com', 'a.@x.com', 'nguyễn@example.vn', 'a@x.c0m'])
      expect(question('email', s), s).toMatchObject({ form: false, api: false });
    // The API took a one-letter name the form refused.
    expect(question('name', 'A')).toMatchObject({ form: false, api: false });
    expect(question('name', '  ')).toMatchObject({ form: true, api: true });
  });
});
