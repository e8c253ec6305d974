import * as z from 'zod/mini';
import { Code } from './common.js';
import { CONTACT_RULES } from './constants.js';

/** Who embeds: sở/ban/ngành, UBND cấp xã, MTTQ, đoàn thể (mass organisations). */
export const SITE_KINDS = ['so-ban-nganh', 'ubnd-xa', 'mttq', 'doan-the'] as const;
export const SiteKind = z.enum(SITE_KINDS);

export { CONTACT_RULES };
export const ContactRule = z.enum(CONTACT_RULES);
export type ContactRule = z.infer<typeof ContactRule>;

/**
 * http(s)://host[:port], no path: what browsers send in the Origin header. Written as staff paste it
 * ("https://Xa.Gov.VN/"), it is stored as browsers send it ("https://xa.gov.vn").
 */
export const WebOrigin = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.overwrite((s) => s.replace(/\/+$/, '').replace(/^(https:\/\/[^/:]+):443$|^(http:\/\/[^/:]+):80$/, '$1$2')),
  z.maxLength(200),
  z.regex(
    /^https?:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/,
    'must be an origin such as https://xa-tamson.bacninh.gov.vn',
  ),
  z.refine((s) => !/:(\d+)$/.test(s) || Number(/:(\d+)$/.exec(s)![1]) <= 65535, 'the port must be at most 65535'),
);

/** Where the site sits in the province's two-level government: tinh (provincial) or xa (commune). */
export const SITE_LEVELS = ['tinh', 'xa'] as const;
export const SiteLevel = z.enum(SITE_LEVELS);
export type SiteLevel = z.infer<typeof SiteLevel>;

/** The person who runs the site, whom the Department of Justice calls when the module misbehaves. */
export const Webmaster = z.object({
  name: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
});
export type Webmaster = z.infer<typeof Webmaster>;

const Optional = <T extends z.ZodMiniType>(schema: T) => z._default(z.nullable(schema), null);
const WebmasterInput = z.strictObject({
  name: Optional(z.string().check(z.trim(), z.maxLength(100))),
  phone: Optional(z.string().check(z.trim(), z.maxLength(20), z.regex(/^$|^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'must be a phone number such as 0222 3822 123'))),
  email: Optional(z.string().check(z.trim(), z.maxLength(200), z.regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'must be an e-mail address'))),
});

/** A site as registered. */
const SiteBase = z.object({
  key: Code,
  name: z.string(),
  kind: SiteKind,
  contactRule: ContactRule,
  requireName: z.boolean(),
  /** Working days within which the province answers a question. */
  answerDays: z.number(),
});

/** What a widget needs to know about the site it sits on, before the citizen writes. */
export const PublicSite = z.extend(SiteBase, {
  /** The province's server sends answers by e-mail (SMTP is configured): only then may a form promise it. */
  answersByEmail: z.boolean(),
});
export type PublicSite = z.infer<typeof PublicSite>;

export const Site = z.extend(SiteBase, {
  level: SiteLevel,
  origins: z.array(WebOrigin),
  /** A note on how to reach the site's office. */
  contact: z.nullable(z.string()),
  webmaster: Webmaster,
  createdAt: z.string(),
});
export type Site = z.infer<typeof Site>;

const siteFields = {
  /** Lower-case, without diacritics; made from the name when not given ("UBND xã Tân Sơn" → "ubnd-xa-tan-son"). */
  key: z.optional(Code),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  kind: SiteKind,
  /** By default: xa for a commune's people's committee, tinh otherwise. */
  level: z.optional(SiteLevel),
  /** The origins whose pages may send questions and feedback as this site. */
  origins: z.array(WebOrigin).check(
    z.maxLength(20),
    z.refine((list) => new Set(list).size === list.length, 'an origin is listed twice'),
  ),
  contactRule: z._default(ContactRule, 'email-or-phone'),
  requireName: z._default(z.boolean(), true),
  answerDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(60)), 10),
  contact: z._default(z.nullable(z.string().check(z.maxLength(200))), null),
  webmaster: z._default(WebmasterInput, { name: null, phone: null, email: null }),
};

/** POST /api/v1/admin/sites (the key is made from the name when absent) and PUT /api/v1/admin/sites/{key}. */
export const SiteInput = z.strictObject(siteFields);
export type SiteInput = z.output<typeof SiteInput>;

/** Which sites the staff list shows; `module`: yes, the loader reported a page view from the site in 30 days, or no. */
export const AdminSiteQuery = z.strictObject({
  /** Words of the name or the key; diacritics optional. */
  q: z.optional(z.string().check(z.maxLength(200, 'q must be at most 200 characters'))),
  kind: z.optional(SiteKind),
  level: z.optional(SiteLevel),
  module: z.optional(z.enum(['yes', 'no'])),
  limit: z._default(
    z.coerce
      .number()
      .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
    50,
  ),
  cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed'))),
});
export type AdminSiteQuery = z.input<typeof AdminSiteQuery>;

/** GET /api/v1/admin/sites/{key}/activity: what the site read and received over time. */
export const SiteActivity = z.object({
  site: Code,
  /** Verified page views (the loader's reports from the site's origins) of each of the last 90 days, oldest first. */
  days: z.array(z.object({ day: z.string(), views: z.number() })),
  /** The same by week (from Monday) for the last 26 weeks. */
  weeks: z.array(z.object({ week: z.string(), views: z.number() })),
  /** Questions and feedback received in each of the last 12 months (Asia/Ho_Chi_Minh). */
  months: z.array(z.object({ month: z.string(), questions: z.number(), feedback: z.number() })),
});
export type SiteActivity = z.infer<typeof SiteActivity>;
