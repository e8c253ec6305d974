import * as z from 'zod/mini';
import { Code } from './common.js';

/** Names of widgets as the loader knows them: the tag without "pbgdpl-". */
const WidgetName = z.string().check(z.maxLength(40), z.regex(/^[a-z]+(?:-[a-z]+)*$/, 'must be a widget name such as "latest-laws"'));

export const ViewTokenQuery = z.strictObject({ site: Code });

/**
 * A signed, short-lived token for one page view; the loader sends it back with its report.
 * `registered` says whether the page's origin (the Origin header) is registered for the site, so
 * the loader can tell a webmaster; null when the request carried no Origin.
 */
export const ViewToken = z.object({ token: z.string(), expiresAt: z.number(), registered: z.nullable(z.boolean()) });
export type ViewToken = z.infer<typeof ViewToken>;

/**
 * What the loader reports once per page view: no cookie, nothing about the reader. The origin is
 * the browser's Origin header, never the body; the path has no query string or fragment.
 */
export const PageViewReport = z.strictObject({
  token: z.string().check(z.maxLength(400)),
  path: z.string().check(z.maxLength(300), z.regex(/^\/[^?#\s]*$/, 'must be a path such as /hoi-dap, without query or fragment')),
  widgets: z.array(WidgetName).check(z.minLength(1), z.maxLength(20)),
});
export type PageViewReport = z.infer<typeof PageViewReport>;
