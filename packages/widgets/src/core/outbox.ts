/**
 * Submissions not yet acknowledged, kept in the page's storage so a dropped connection, a closed
 * tab or a reload loses nothing. Each keeps its Idempotency-Key, so resending can never make a
 * second row. The forms collect no ID numbers, so none is ever stored here. Entries older than a
 * week are dropped.
 */
const KEY = 'pbgdpl:outbox:v1';
const MAX_AGE_MS = 7 * 86_400_000;

export interface OutboxEntry {
  /** The Idempotency-Key. */
  id: string;
  /** Which widget sent it: "question", "feedback". */
  kind: string;
  url: string;
  /** The body without the proof of work, which is made fresh for every attempt. */
  body: Record<string, unknown>;
  createdAt: number;
}

function read(): OutboxEntry[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as OutboxEntry[];
    return Array.isArray(list) ? list.filter((e) => Date.now() - e.createdAt < MAX_AGE_MS) : [];
  } catch {
    return [];
  }
}

function write(list: OutboxEntry[]) {
  try {
    if (list.length) localStorage.setItem(KEY, JSON.stringify(list));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the submission still goes out now, it just cannot wait for the network.
  }
}

export const outbox = {
  list: (kind: string) => read().filter((e) => e.kind === kind),
  put(entry: OutboxEntry) {
    write([...read().filter((e) => e.id !== entry.id), entry]);
  },
  remove(id: string) {
    write(read().filter((e) => e.id !== id));
  },
};
