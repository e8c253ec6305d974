import * as z from 'zod/mini';
import { Code } from './common.js';
import { CONTACT_RULES } from './constants.js';

/** Who embeds: sở/ban/ngành, UBND cấp xã, MTTQ, đoàn thể (mass organisations). */
export const SITE_KINDS = ['so-ban-nganh', 'ubnd-xa', 'mttq', 'doan-the'] as const;
export const SiteKind = z.enum(SITE_KINDS);

export { CONTACT_RULES };
export const ContactRule = z.enum(CONTACT_RULES);
export type ContactRule = z.infer<typeof ContactRule>;

/** http(s)://host[:port], no path: what browsers send in the Origin header. */
export const WebOrigin = z
  .string()
  .check(z.maxLength(200), z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as https://xa-tamson.bacninh.gov.vn'));

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
  origins: z.array(WebOrigin),
  contact: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Site = z.infer<typeof Site>;

export const SiteInput = z.strictObject({
  key: Code,
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  kind: SiteKind,
  origins: z.array(WebOrigin).check(z.maxLength(20)),
  contactRule: z._default(ContactRule, 'email-or-phone'),
  requireName: z._default(z.boolean(), true),
  answerDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(60)), 10),
  contact: z._default(z.nullable(z.string().check(z.maxLength(200))), null),
});
