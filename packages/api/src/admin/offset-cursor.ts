/** Staff lists are short and change little while read: an opaque offset is enough. */
export const encodeOffsetCursor = (n: number) => Buffer.from(`o${n}`).toString('base64url');

export function decodeOffsetCursor(text: string): number | null {
  const m = /^o(\d{1,7})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}
