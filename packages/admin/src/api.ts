import type { Problem } from '@pbgdpl/contract';

/**
 * Requests to the API of this origin, as the signed-in staff member: the session cookie goes by
 * itself (same origin, SameSite=Strict); a change also carries the session's CSRF token.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? `HTTP ${status}`);
  }

  /** The problem's `type`, e.g. ".../session-expired"; "about:blank" when the status says it all. */
  get type() {
    return this.problem?.type ?? 'about:blank';
  }

  /** Field errors by their path ("number", "fields.0"), for showing each next to its input. */
  fieldErrors(): Map<string, string> {
    return new Map((this.problem?.errors ?? []).map((e) => [e.path, e.message]));
  }
}

/** Thrown when the network itself failed (offline, server down): not an answer of the API. */
export class NetworkError extends Error {}

let csrfToken: string | null = null;
/** session.ts hands over the token of the session it holds (null once signed out). */
export const useCsrfToken = (token: string | null) => void (csrfToken = token);

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** /api/v1/... with the query's set values; arrays repeat the name (field=a&field=b). */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(name, v);
    else params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
}

const SIGNED_OUT = 'pa-signed-out';

/** The shell listens: a 401 anywhere means the session ended (expired, disabled, signed out elsewhere). */
export const onSignedOut = (listener: (error: ApiError) => void) => {
  const handler = (e: Event) => listener((e as CustomEvent<ApiError>).detail);
  window.addEventListener(SIGNED_OUT, handler);
  return () => window.removeEventListener(SIGNED_OUT, handler);
};

async function problemOf(res: Response): Promise<Problem | null> {
  if (!(res.headers.get('Content-Type') ?? '').includes('json')) return null;
  try {
    return (await res.json()) as Problem;
  } catch {
    return null;
  }
}

export async function request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) body = options.form;
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new NetworkError((error as Error).message);
  }
  if (res.ok) return res;
  const error = new ApiError(res.status, await problemOf(res));
  if (res.status === 401 && !path.startsWith('/api/v1/admin/session') && !path.startsWith('/api/v1/admin/invites')) {
    window.dispatchEvent(new CustomEvent(SIGNED_OUT, { detail: error }));
  }
  throw error;
}

/** A JSON answer (undefined for 204). */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const res = await request(method, path, options);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/**
 * An upload with progress (fetch reports none): FormData by XMLHttpRequest, with the CSRF token.
 * `onProgress` gets the share sent, 0 to 1.
 */
export function upload<T>(method: 'POST' | 'PUT', path: string, form: FormData, onProgress: (share: number) => void, query: Query = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, apiUrl(path, query));
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      const error = new ApiError(xhr.status, parsed as Problem | null);
      if (xhr.status === 401) window.dispatchEvent(new CustomEvent(SIGNED_OUT, { detail: error }));
      reject(error);
    };
    xhr.send(form);
  });
}
