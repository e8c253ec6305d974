/**
 * Hash routes (#/laws, #/questions/ID?status=new): the API serves one page at /admin/, and a
 * route with its filters in the query survives reload, back and a link sent to a colleague.
 */
export interface Route {
  /** The path without "#/" and the query: "questions/abc". */
  path: string;
  query: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', qs = ''] = raw.split('?', 2) as [string?, string?];
  return { path: decodeURI(path).replace(/\/$/, ''), query: new URLSearchParams(qs) };
}

export const href = (path: string, query?: Record<string, string | number | null | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
};

export const navigate = (path: string, query?: Record<string, string | number | null | undefined>) => void (location.hash = href(path, query));

/**
 * Changes the current route's query without a new history entry per keystroke (search boxes,
 * filters): the screen re-renders from the query, and reload or a shared link keeps it.
 */
export function replaceQuery(query: Record<string, string | number | null | undefined>) {
  const { path } = currentRoute();
  history.replaceState(history.state, '', href(path, query));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** "questions/:id" matched against "questions/abc" → { id: "abc" }; null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}
