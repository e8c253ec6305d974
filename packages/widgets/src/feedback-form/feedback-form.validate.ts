import { isContact, textProblem } from '@pbgdpl/contract/rules';
import type { Problem } from '@pbgdpl/contract';
import type { Strings } from './feedback-form.parts.i18n.js';

/** A field the server refused (problem+json `errors`); no DOM types, so the contract's tests can load this module. */
type FieldError = NonNullable<Problem['errors']>[number];

/** What the citizen has entered. */
export interface FeedbackValues {
  rating: number;
  message: string;
  contact: string;
  /** The required purpose, xu-ly-gop-y. */
  consent: boolean;
  /** lien-he-phan-hoi: needed only with a contact. */
  contactConsent: boolean;
}

export type Field = 'rating' | 'message' | 'contact' | 'consent' | 'contactConsent';
type ErrorKey = keyof Strings & `err${string}`;
/** One message per field, and one for the form as a whole (shown only in the summary). */
export type Errors = Partial<Record<Field | 'form', ErrorKey>>;

/** The order fields appear in, which is the order of the error summary. */
export const FIELDS: Field[] = ['rating', 'message', 'contact', 'consent', 'contactConsent'];

/** The contract's checks (rules.ts), before anything is sent. */
export function validate(v: FeedbackValues): Errors {
  const errors: Errors = {};
  const contact = v.contact.trim();
  if (!(v.rating >= 1 && v.rating <= 5)) errors.rating = 'errRating';
  if (textProblem('message', v.message, true)) errors.message = 'errMessage';
  if (contact && !isContact(contact)) errors.contact = 'errContact';
  if (contact && !v.contactConsent) errors.contactConsent = 'errContactConsent';
  if (!v.consent) errors.consent = 'errConsent';
  return errors;
}

/** The server's problem+json `errors` (English, for developers) as the citizen's messages. */
export function fromServer(list: FieldError[], v: FeedbackValues): Errors {
  const errors: Errors = {};
  for (const { path, code } of list) {
    const top = path.split('.')[0];
    if (top === 'rating') errors.rating = 'errRating';
    else if (top === 'message') errors.message = 'errMessage';
    else if (top === 'contact') errors.contact = 'errContact';
    else if (top === 'consents' && code === 'consent_required') {
      if (!v.consent) errors.consent = 'errConsent';
      else errors.contactConsent = 'errContactConsent';
    } else if (top === 'document') errors.form = 'errDocument';
    else if (top === 'site') errors.form = 'errSite';
    else if (top === 'noticeVersion') errors.form = 'errNotice';
    else if (top === 'altcha') errors.form = 'errProof';
    else errors.form ??= 'errRefused';
  }
  if (!Object.keys(errors).length) errors.form = 'errRefused';
  return errors;
}
