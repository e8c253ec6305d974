/**
 * The rules a form checks before sending and the server checks on arrival, as plain functions:
 * the widgets import these (no zod, a few hundred bytes), and the zod schemas in submissions.ts
 * call the very same functions, so a value the form lets through is one the API accepts.
 */
import { LIMITS, type ContactRuleCode } from './constants.js';

/**
 * An e-mail address as zod's `z.email()` reads one (its default pattern): no leading, trailing or
 * doubled dot in the local part, ASCII letters, a dotted domain ending in two or more letters.
 */
// `-` stays escaped in every class: the pattern goes to OpenAPI, and other regex dialects (and the
// browser's `v` flag for pattern attributes) read an unescaped one as a range or an error.
// eslint-disable-next-line no-useless-escape
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+\-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/** A Vietnamese phone number: 0 or +84, then digits, spaces or dots; 10–12 digits in all. */
export const PHONE_PATTERN = /^(\+84|0)[\d .]{9,13}$/;
/** Characters a phone number may take, as written (spaces and dots included). */
export const PHONE_MAX = 20;

export const isEmail = (v: string): boolean => v.length <= LIMITS.contact.max && EMAIL_PATTERN.test(v);

export function isPhone(v: string): boolean {
  const digits = v.replace(/\D/g, '').length;
  return v.length <= PHONE_MAX && PHONE_PATTERN.test(v) && digits >= 10 && digits <= 12;
}

/** The feedback form's one contact field: an e-mail address or a phone number. */
export const isContact = (v: string): boolean => isEmail(v) || isPhone(v);

/** The free-text fields with limits (LIMITS). */
export type TextField = 'title' | 'content' | 'name' | 'message';

/** Characters as people count them (and as zod's length checks do): code points, so an emoji is one, not two. */
export const textLength = (v: string): number => [...v].length;

/**
 * What is wrong with a text, trimmed as the server trims it: too short, too long, or nothing
 * (null). An empty value is too short when the field has a minimum; whether an optional field may
 * be left empty is the caller's to say (`optional`).
 */
export function textProblem(field: TextField, value: string, optional = false): 'too_small' | 'too_big' | null {
  const n = textLength(value.trim());
  if (n === 0 && optional) return null;
  const { min, max } = LIMITS[field];
  return n < min ? 'too_small' : n > max ? 'too_big' : null;
}

/** Which contacts a site's rule still needs, given what the citizen left (each already valid or empty). */
export function missingContacts(rule: ContactRuleCode, email: string, phone: string): ('email' | 'phone')[] {
  switch (rule) {
    case 'email':
      return email ? [] : ['email'];
    case 'phone':
      return phone ? [] : ['phone'];
    case 'email-or-phone':
      return email || phone ? [] : ['email', 'phone'];
    case 'email-and-phone':
      return [...(email ? [] : ['email' as const]), ...(phone ? [] : ['phone' as const])];
    default:
      return [];
  }
}

/** The purposes a notice requires that the citizen did not tick. */
export const missingConsents = (notice: { required: readonly string[] }, given: readonly string[]): string[] =>
  notice.required.filter((p) => !given.includes(p));
