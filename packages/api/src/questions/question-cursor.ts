/** Keyset cursor over (published_at desc, id desc). */
export interface QuestionCursor {
  at: string;
  id: string;
}

export const encodeQuestionCursor = (c: QuestionCursor) => Buffer.from(`${c.at}~${c.id}`, 'utf8').toString('base64url');

export function decodeQuestionCursor(text: string): QuestionCursor | null {
  // Ids are UUIDs, or the keys of the sample questions ("ket-hon-tuoi").
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)~([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  return m ? { at: m[1]!, id: m[2]! } : null;
}
