/** The one way a widget and the loader turn attributes into a URL, so both ask for the same thing. */
export function apiUrl(api: string, path: string, params: Record<string, string | number | undefined | null>) {
  const query = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${api.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
}
