/**
 * The API's offset cursors for staff lists (admin/offset-cursor.ts on the server): base64url of
 * "o<offset>". Lists keep the offset in the route's query, so reload and back land on the same page.
 */
export const offsetCursor = (offset: number) => (offset > 0 ? btoa(`o${offset}`).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') : undefined);

export const offsetOf = (query: URLSearchParams) => {
  const n = Number(query.get('offset'));
  return Number.isInteger(n) && n > 0 ? n : 0;
};
