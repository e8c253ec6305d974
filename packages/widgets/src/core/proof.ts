/**
 * The ALTCHA proof of work, loaded only when a citizen starts to write (the widget is ~30 KB).
 * It runs invisibly inside the form and solves a challenge from the province's API; the payload
 * goes with the submission. Each payload is good for one submission, so `next()` starts a new one.
 */
import 'altcha';

export interface Proof {
  /** The payload of a solved challenge (waits for the solver if it is still running). */
  payload(): Promise<string>;
  /** Throws away the current payload and solves a new challenge. */
  next(): void;
}

interface AltchaElement extends HTMLElement {
  verify(): Promise<{ payload: string } | null>;
  reset(): void;
}

export function createProof(container: HTMLElement, challengeUrl: string, language: string): Proof {
  const el = document.createElement('altcha-widget') as AltchaElement;
  el.setAttribute('challenge', challengeUrl);
  el.setAttribute('display', 'invisible');
  el.setAttribute('auto', 'off');
  el.setAttribute('language', language);
  el.setAttribute('name', 'altcha');
  el.hidden = true;
  container.append(el);
  let current: Promise<string> | null = null;
  const solve = () => {
    const solving = el.verify().then((r) => {
      if (!r?.payload) throw new Error('proof of work failed');
      return r.payload;
    });
    current = solving;
    // A failed solve (offline: no challenge) is forgotten, so the next payload() tries again.
    solving.catch(() => current === solving && (current = null));
    return solving;
  };
  // Start at once: by the time the citizen has written the question, it is long done.
  queueMicrotask(() => void solve().catch(() => {}));
  return {
    payload: () => current ?? solve(),
    next() {
      el.reset();
      current = null;
      void solve().catch(() => {});
    },
  };
}
