import type { LawPage, LawSummary } from '@pbgdpl/contract';

export const law = (n: number, over: Partial<LawSummary> = {}): LawSummary => ({
  id: `${n}-2025-qh15`,
  number: `${n}/2025/QH15`,
  type: { code: 'luat', label: 'Luật' },
  issuer: { code: 'quoc-hoi', label: 'Quốc hội' },
  issuedOn: `2025-06-${String((n % 28) + 1).padStart(2, '0')}`,
  effectiveOn: '2026-01-01',
  validity: { code: 'con-hieu-luc', label: 'Còn hiệu lực' },
  fields: [{ code: 'dat-dai', label: 'Đất đai' }],
  abstract: `Luật số ${n} về đất đai`,
  url: `https://example.org/van-ban/${n}`,
  ...over,
});

export const page = (from: number, count: number, nextCursor: string | null = null): LawPage => ({
  items: Array.from({ length: count }, (_, i) => law(from + i)),
  nextCursor,
});

/** `gate`: the reply waits until the test resolves it. `hang`: it never comes (only an abort ends it). */
type Reply = { status?: number; body?: unknown; delay?: number; gate?: Promise<void>; hang?: boolean; networkError?: boolean };

/**
 * Replaces window.fetch with a scripted API: `respond(url)` decides each reply.
 * Every URL asked for is recorded, so tests can check what the widget requested.
 */
export function stubFetch(respond: (url: URL, method: string) => Reply) {
  const original = window.fetch;
  const calls: URL[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    calls.push(url);
    const r = respond(url, (init?.method ?? 'GET').toUpperCase());
    const signal = init?.signal;
    await new Promise<void>((resolve, reject) => {
      if (r.hang) return signal?.addEventListener('abort', () => reject(signal.reason));
      let t: ReturnType<typeof setTimeout> | undefined;
      if (r.gate) void r.gate.then(() => resolve());
      else t = setTimeout(resolve, r.delay ?? 0);
      signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)));
    });
    if (r.networkError) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(r.body ?? {}), {
      status: r.status ?? 200,
      headers: { 'Content-Type': r.status && r.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { calls, restore: () => (window.fetch = original) };
}

/** navigator.onLine as a test wants it; restore() puts the real one back. */
export function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  dispatchEvent(new Event(online ? 'online' : 'offline'));
  return () => delete (navigator as unknown as Record<string, unknown>).onLine;
}

/** A promise the test resolves when it chooses: for replies that must come late, without sleeping. */
export function gate() {
  let open!: () => void;
  const closed = new Promise<void>((r) => (open = r));
  return { closed, open };
}

/** Lets every pending promise callback run (one macrotask), so what a resolved reply sets off is done. */
export const settle = () => new Promise<void>((r) => setTimeout(r));

export const clearWidgetStorage = () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('pbgdpl:')) localStorage.removeItem(key);
};

/**
 * Lit's development build warns through console.warn; such a warning fails the test that caused it.
 * The kit's own "[PBGDPL]" messages for webmasters are collected for tests to check instead.
 */
export function watchWarnings() {
  const original = console.warn;
  const kit: string[] = [];
  const other: string[] = [];
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    (text.startsWith('[PBGDPL]') ? kit : other).push(text);
    original(...args);
  };
  return {
    kit,
    check() {
      console.warn = original;
      if (other.length) throw new Error(`console warnings: ${other.join(' | ')}`);
    },
  };
}
