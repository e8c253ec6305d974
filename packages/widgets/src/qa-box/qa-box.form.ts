import { LIMITS, type ContactRuleCode } from '@pbgdpl/contract/constants';
import { isEmail, isPhone, missingConsents, missingContacts, textProblem } from '@pbgdpl/contract/rules';
import { fill } from '../core/i18n.js';
import type { Problem } from '@pbgdpl/contract';
import type { strings } from './qa-box.ask.i18n.js';

/** A field the server refused (problem+json `errors`); no DOM types, so the contract's tests can load this module. */
type FieldError = NonNullable<Problem['errors']>[number];

type T = (typeof strings)['vi'];

/** The ask form's fields, in the order they appear (the error summary follows it). */
export const FIELDS = ['field', 'title', 'content', 'name', 'email', 'phone', 'consents'] as const;
export type FieldName = (typeof FIELDS)[number];
export type Errors = Partial<Record<FieldName, string>>;

export interface AskValues {
  field: string;
  title: string;
  content: string;
  name: string;
  email: string;
  phone: string;
  consents: string[];
}

export interface SiteRules {
  contactRule: ContactRuleCode;
  requireName: boolean;
}

/** What the server assumes for a site that says nothing else (SiteInput's defaults). */
export const DEFAULT_RULES: SiteRules = { contactRule: 'email-or-phone', requireName: true };

function length(t: T, name: 'title' | 'content' | 'name', value: string, required: boolean): string | undefined {
  if (!value) return required ? t[`err:${name}:required`] : undefined;
  const problem = textProblem(name, value);
  if (problem === 'too_small') return fill(t[`err:${name}:short`], { min: LIMITS[name].min });
  if (problem === 'too_big') return fill(t[`err:${name}:long`], { max: LIMITS[name].max });
  return undefined;
}

/** The contract's rules (rules.ts: lengths, e-mail, phone, the site's contact rule), in the citizen's words. */
export function validate(v: AskValues, rules: SiteRules, t: T, required: readonly string[]): Errors {
  const errors: Errors = {};
  if (!v.field) errors.field = t['err:field'];
  errors.title = length(t, 'title', v.title, true);
  errors.content = length(t, 'content', v.content, true);
  errors.name = length(t, 'name', v.name, rules.requireName);
  if (v.email && !isEmail(v.email)) errors.email = t['err:email:invalid'];
  if (v.phone && !isPhone(v.phone)) errors.phone = t['err:phone:invalid'];
  const missing = missingContacts(rules.contactRule, v.email, v.phone);
  if (rules.contactRule === 'email-or-phone' && missing.length) errors.email = t['err:contact:either'];
  else for (const c of missing) errors[c] = t[`err:${c}:required`];
  if (missingConsents({ required }, v.consents).length) errors.consents = t['err:consents'];
  for (const k of FIELDS) if (!errors[k]) delete errors[k];
  return errors;
}

/**
 * The server's field errors (English, for developers) as the citizen's messages on the fields.
 * Errors about no field the citizen can change go to `general`.
 */
export function serverErrors(list: FieldError[], rules: SiteRules, t: T): { errors: Errors; general: string[] } {
  const errors: Errors = {};
  const general = new Set<string>();
  for (const { path, code } of list) {
    const name = path.split('.')[0] as FieldName;
    let message: string | undefined;
    if (name === 'field') message = code === 'unknown_value' ? t['err:field:invalid'] : t['err:field'];
    else if (name === 'title' || name === 'content' || name === 'name') {
      message =
        code === 'required'
          ? t[`err:${name}:required`]
          : code === 'too_small'
            ? fill(t[`err:${name}:short`], { min: LIMITS[name].min })
            : code === 'too_big'
              ? fill(t[`err:${name}:long`], { max: LIMITS[name].max })
              : fill(t.invalidValue, { label: t[name] });
    } else if (name === 'email' || name === 'phone') {
      if (code !== 'required') message = t[`err:${name}:invalid`];
      else if (rules.contactRule === 'email-or-phone') {
        if (name === 'email' || !errors.email) errors.email = t['err:contact:either'];
        continue;
      } else message = t[`err:${name}:required`];
    } else if (name === 'consents') message = t['err:consents'];
    else if (path === 'noticeVersion') general.add(t['err:notice']);
    else general.add(t['err:other']);
    if (message && FIELDS.includes(name)) errors[name] ??= message;
  }
  return { errors, general: [...general] };
}
