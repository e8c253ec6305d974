/** Keyset cursor over (issued_on desc, id desc): stable while documents are added. */
export interface LawCursor {
  issuedOn: string;
  id: string;
}

export function encodeCursor(c: LawCursor): string {
  return Buffer.from(`${c.issuedOn}~${c.id}`, 'utf8').toString('base64url');
}

/** Null when the text is not a cursor this server made. */
export function decodeCursor(text: string): LawCursor | null {
  const raw = Buffer.from(text, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2})~([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(raw);
  return m ? { issuedOn: m[1]!, id: m[2]! } : null;
}
