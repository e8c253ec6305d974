/**
 * The console's language: Vietnamese first, English available, remembered per browser.
 * Each screen keeps its own catalogue beside it (`messages({ vi, en })`), so adding a screen
 * never touches a shared file, and TypeScript checks that both languages have every message.
 */
export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'pbgdpl-admin-lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

let current: Lang = stored();
document.documentElement.lang = current;

export const lang = (): Lang => current;

export function setLang(next: Lang) {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Messages are strings or functions of their parameters; `any` lets each function keep its own parameter types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Catalogue = Record<string, string | ((...args: any[]) => string)>;

/** A screen's messages in both languages; `t(catalogue)` picks the current one. */
export function messages<M extends Catalogue>(catalogue: { vi: M; en: { [K in keyof M]: M[K] } }) {
  return catalogue;
}

export const t = <M extends Catalogue>(catalogue: { vi: M; en: { [K in keyof M]: M[K] } }): M => catalogue[current];

/** A label in both languages, as screens and the shell's menu carry them. */
export type Both = { vi: string; en: string };
export const pick = (both: Both) => both[current];
