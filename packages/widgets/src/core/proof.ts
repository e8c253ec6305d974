/**
 * The ALTCHA proof of work, loaded only when a citizen starts to write (the widget is ~30 KB).
 * It runs invisibly inside the form and solves a challenge from the province's API; the payload
 * goes with the submission. Each payload is good for one submission, so `next()` starts a new one.
 */
/// <reference types="vite/client" />
import 'altcha/external';
import ShaWorker from 'altcha/workers/sha?worker&inline';

// The "external" build, because the default one injects a <style> into the host page, which a
// strict Content-Security-Policy (style-src 'self') refuses. It bundles no solver: register the
// one the API's challenges use, inlined so that it starts from a blob: URL (a worker script from
// the API's origin would be refused on the host's page).
const { algorithms } = (globalThis as unknown as { $altcha: { algorithms: Map<string, () => Worker> } }).$altcha;
for (const name of ['SHA-256', 'SHA-384', 'SHA-512']) if (!algorithms.has(name)) algorithms.set(name, () => new ShaWorker());

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
