import { LIMITS, type ContactRuleCode } from '@pbgdpl/contract/constants';
import { fill } from '../core/i18n.js';
import type { FieldError } from '../core/sender.js';
import type { strings } from './qa-box.ask.i18n.js';

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// The contract's Phone: 0 or +84, then 9–13 digits, spaces or dots; 10–12 digits in all.
const PHONE = /^(\+84|0)[\d .]{9,13}$/;
const digits = (v: string) => v.replace(/\D/g, '').length;

export const emailOk = (v: string) => v.length <= LIMITS.contact.max && EMAIL.test(v);
export const phoneOk = (v: string) => v.length <= 20 && PHONE.test(v) && digits(v) >= 10 && digits(v) <= 12;

function length(t: T, name: 'title' | 'content' | 'name', value: string, required: boolean): string | undefined {
  const { min, max } = LIMITS[name];
  if (!value) return required ? t[`err:${name}:required`] : undefined;
  if (value.length < min) return fill(t[`err:${name}:short`], { min });
  if (value.length > max) return fill(t[`err:${name}:long`], { max });
  return undefined;
}

/** The same rules the server applies (LIMITS, the site's contact rule), in the citizen's words. */
export function validate(v: AskValues, rules: SiteRules, t: T, required: readonly string[]): Errors {
  const errors: Errors = {};
  if (!v.field) errors.field = t['err:field'];
  errors.title = length(t, 'title', v.title, true);
  errors.content = length(t, 'content', v.content, true);
  errors.name = length(t, 'name', v.name, rules.requireName);
  const rule = rules.contactRule;
  if (v.email && !emailOk(v.email)) errors.email = t['err:email:invalid'];
  else if (!v.email && (rule === 'email' || rule === 'email-and-phone')) errors.email = t['err:email:required'];
  if (v.phone && !phoneOk(v.phone)) errors.phone = t['err:phone:invalid'];
  else if (!v.phone && (rule === 'phone' || rule === 'email-and-phone')) errors.phone = t['err:phone:required'];
  if (rule === 'email-or-phone' && !v.email && !v.phone) errors.email = t['err:contact:either'];
  if (required.some((p) => !v.consents.includes(p))) errors.consents = t['err:consents'];
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
      message = code === 'required' ? t[`err:${name}:required`] : code === 'too_small' ? fill(t[`err:${name}:short`], { min: LIMITS[name].min }) : code === 'too_big' ? fill(t[`err:${name}:long`], { max: LIMITS[name].max }) : fill(t.invalidValue, { label: t[name] });
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
