import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Problem } from '@pbgdpl/contract';

export type FieldError = NonNullable<Problem['errors']>[number];

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * An RFC 9457 problem+json response. `type` stays "about:blank" unless a status has more than one
 * meaning a client must tell apart; `errors` names each parameter or field that failed.
 */
export function problem(c: Context, status: ContentfulStatusCode, detail: string, errors?: FieldError[], type = 'about:blank') {
  const body: Problem = {
    type,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** Thrown anywhere a request must end in a particular problem response; app.onError renders it. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    readonly type = 'about:blank',
  ) {
    super(detail);
  }
}
