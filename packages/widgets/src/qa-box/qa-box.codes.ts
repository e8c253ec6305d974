/**
 * Tracking codes the citizen asked this browser to remember ("Nhớ mã trên máy này" on the
 * receipt), so they can look them up later without writing them down. Only the codes and when to
 * forget them are kept: no title, no name, no contact. Nothing is kept unless the citizen ticks the
 * box: many ask from a shared computer.
 */
import { dropUnaskedCodes } from './qa-box.codes.v1.js';

const KEY = 'pbgdpl:qa-codes:v2';
export const REMEMBER_DAYS = 60;
const REMEMBER_MS = REMEMBER_DAYS * 86_400_000;
const MAX = 10;

interface Remembered {
  code: string;
  /** Epoch milliseconds after which the code is forgotten. */
  until: number;
}

/** The codes still in time, newest first; expired, malformed and too-far-off entries are dropped (from storage too). */
function read(now: number): Remembered[] {
  dropUnaskedCodes();
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return [];
    let list: unknown;
    try {
      list = JSON.parse(raw);
    } catch {
      list = null;
    }
    const seen = new Set<string>();
    const kept = (Array.isArray(list) ? (list as unknown[]) : []).filter((e): e is Remembered => {
      if (typeof e !== 'object' || e === null) return false;
      const { code, until } = e as Partial<Remembered>;
      // An `until` beyond the limit was not written by rememberCode (or the clock went back): not trusted.
      const ok =
        typeof code === 'string' && normaliseCode(code) === code && typeof until === 'number' && until > now && until <= now + REMEMBER_MS && !seen.has(code);
      if (ok) seen.add(code);
      return ok;
    });
    const clean = kept.slice(0, MAX).map(({ code, until }) => ({ code, until }));
    if (!Array.isArray(list) || clean.length !== list.length) write(clean);
    return clean;
  } catch {
    return [];
  }
}

function write(list: Remembered[]): boolean {
  try {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/** The remembered codes, newest first. `now` is for tests. */
export const savedCodes = (now = Date.now()): string[] => read(now).map((e) => e.code);

/** Remembers a code for REMEMBER_DAYS; false when the browser would not store it. */
export function rememberCode(input: string, now = Date.now()): boolean {
  const code = normaliseCode(input);
  if (!code) return false;
  return write([{ code, until: now + REMEMBER_MS }, ...read(now).filter((e) => e.code !== code)].slice(0, MAX));
}

export const forgetCode = (code: string): boolean => write(read(Date.now()).filter((e) => e.code !== code));

export function forgetAllCodes(): boolean {
  dropUnaskedCodes();
  return write([]);
}

/**
 * "hd 7k3m9 qxp2a", "HD-7K3M9-QXP2A" and "7K3M9QXP2A" are one code. Like the server, reads O as 0
 * and I or L as 1 (Crockford's alphabet has none of them). Null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const m = /^(?:HD)?([0-9A-Z]{5})([0-9A-Z]{5})$/.exec(
    input
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '')
      .replace(/^HD(?=.{10}$)/, '')
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1'),
  );
  return m ? `HD-${m[1]}-${m[2]}` : null;
}
