/** Keyset cursor over (published_at desc, id desc): the list without `q`. */
export interface QuestionCursor {
  at: string;
  id: string;
}

// Ids are UUIDs, or the keys of the sample questions ("ket-hon-tuoi").
const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const encodeQuestionCursor = (c: QuestionCursor) => Buffer.from(`${c.at}~${c.id}`, 'utf8').toString('base64url');

export function decodeQuestionCursor(text: string): QuestionCursor | null {
  const m = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)~(${ID})$`).exec(Buffer.from(text, 'base64url').toString('utf8'));
  return m ? { at: m[1]!, id: m[2]! } : null;
}

/**
 * Keyset cursor over (score desc, id asc): the list ranked by relevance to `q`. The score is
 * written as JavaScript prints a double (the shortest text that reads back as the same number),
 * so the next page starts exactly after the last item of this one.
 */
export interface RelevanceCursor {
  score: number;
  id: string;
}

export const encodeRelevanceCursor = (c: RelevanceCursor) => Buffer.from(`r~${c.score}~${c.id}`, 'utf8').toString('base64url');

export function decodeRelevanceCursor(text: string): RelevanceCursor | null {
  const m = new RegExp(`^r~(\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)~(${ID})$`).exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m) return null;
  const score = Number(m[1]);
  return Number.isFinite(score) ? { score, id: m[2]! } : null;
}
