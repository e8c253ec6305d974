/**
 * A link target from the API, if it is http(s); otherwise null and no link is drawn. A hostile or
 * broken server must not be able to put a javascript: URL into a government page.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
