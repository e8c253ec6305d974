import type { Meta } from '@pbgdpl/contract';
import { CONSENT_PURPOSE_WORDS, FEEDBACK_KIND_WORDS, FEEDBACK_STATUS_WORDS, QUESTION_STATUS_WORDS, ROLE_WORDS, SITE_KIND_WORDS } from '@pbgdpl/contract/labels';
import { api } from './api.js';
import { lang, type Both } from './i18n.js';

/**
 * Labels for the codes the API speaks: staff read "Đất đai", never "dat-dai". Lists the province
 * keeps (fields, types, issuers, validity) come from /api/v1/meta in the console's language; fixed
 * lists of the kit (site kinds, statuses, roles, consent purposes) are here.
 */

const metaCache = new Map<string, Promise<Meta>>();

/** The province's lists, loaded once per language (and again after `forgetMeta`). */
export function meta(): Promise<Meta> {
  const key = lang();
  let loading = metaCache.get(key);
  if (!loading) {
    loading = api<Meta>('GET', '/api/v1/meta', { query: { lang: key } });
    loading.catch(() => metaCache.delete(key));
    metaCache.set(key, loading);
  }
  return loading;
}

export const forgetMeta = () => metaCache.clear();

/** The label of a code in one of meta's lists, or the code itself when the list does not know it. */
export const labelOf = (list: readonly { code: string; label: string }[], code: string | null | undefined) =>
  code ? (list.find((x) => x.code === code)?.label ?? code) : '';

type Fixed = Record<string, Both>;
const fixed = (table: Fixed, code: string | null | undefined) => (code ? (table[code]?.[lang()] ?? code) : '');
/** A fixed list as options for a <select>, in the console's language. */
export const optionsOf = (table: Fixed) => Object.entries(table).map(([code, both]) => ({ code, label: both[lang()] }));

export { SITE_KIND_WORDS as SITE_KINDS, QUESTION_STATUS_WORDS as QUESTION_STATUSES, FEEDBACK_KIND_WORDS as FEEDBACK_KINDS };
export { FEEDBACK_STATUS_WORDS as FEEDBACK_STATUSES, ROLE_WORDS as ROLES, CONSENT_PURPOSE_WORDS as CONSENT_PURPOSES };

export const siteKindLabel = (code: string | null | undefined) => fixed(SITE_KIND_WORDS, code);
export const questionStatusLabel = (code: string | null | undefined) => fixed(QUESTION_STATUS_WORDS, code);
export const feedbackKindLabel = (code: string | null | undefined) => fixed(FEEDBACK_KIND_WORDS, code);
export const feedbackStatusLabel = (code: string | null | undefined) => fixed(FEEDBACK_STATUS_WORDS, code);
export const roleLabel = (code: string | null | undefined) => fixed(ROLE_WORDS, code);
export const consentPurposeLabel = (code: string | null | undefined) => fixed(CONSENT_PURPOSE_WORDS, code);
