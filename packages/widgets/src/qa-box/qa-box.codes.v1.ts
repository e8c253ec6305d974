/**
 * Earlier versions kept the code of every question sent in `pbgdpl:qa-codes:v1`, without asking.
 * That list is never offered: it goes as soon as a Q&A box starts, or when the codes are read.
 * Its own module so the element can drop it without loading the rest of qa-box.codes.ts.
 */
const UNASKED_KEY = 'pbgdpl:qa-codes:v1';

export function dropUnaskedCodes(): void {
  try {
    localStorage.removeItem(UNASKED_KEY);
  } catch {
    // Storage disabled: nothing was kept either.
  }
}
