/**
 * Tracking codes of the questions sent from this browser, so the citizen can look them up later
 * without writing them down. Only the codes are kept: no title, no name, no contact.
 */
const KEY = 'pbgdpl:qa-codes:v1';
const MAX = 10;

export function savedCodes(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string' && normaliseCode(c) === c) : [];
  } catch {
    return [];
  }
}

export function saveCode(code: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([code, ...savedCodes().filter((c) => c !== code)].slice(0, MAX)));
  } catch {
    // Storage disabled: the code is still on screen to copy.
  }
}

/**
 * "hd 7k3m9 qxp2a", "HD-7K3M9-QXP2A" and "7K3M9QXP2A" are one code. Like the server, reads O as 0
 * and I or L as 1 (Crockford's alphabet has none of them). Null when it cannot be a code.
 */
export function normaliseCode(input: string): string | null {
  const m = /^(?:HD)?([0-9A-Z]{5})([0-9A-Z]{5})$/.exec(input.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^HD(?=.{10}$)/, '').replace(/O/g, '0').replace(/[IL]/g, '1'));
  return m ? `HD-${m[1]}-${m[2]}` : null;
}
