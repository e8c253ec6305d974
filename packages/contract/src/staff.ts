import * as z from 'zod/mini';
import { AuditEntry, Role } from './admin.js';
import { PASSWORD_MAX, PASSWORD_MIN } from './constants.js';

/**
 * Staff accounts: people sign in with a user name and a password (and a TOTP code once they turned
 * two-step sign-in on) and get a session cookie; scripts keep using bearer tokens.
 */

export const Username = z
  .string()
  .check(
    z.trim(),
    z.minLength(3, 'a user name has 3 to 40 characters'),
    z.maxLength(40, 'a user name has 3 to 40 characters'),
    z.regex(/^[A-Za-z0-9._-]+$/, 'a user name has letters without marks, digits, dots, dashes and underscores only'),
  );
export const NewPassword = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, `a password has at least ${PASSWORD_MIN} characters`),
    z.maxLength(PASSWORD_MAX, `a password has at most ${PASSWORD_MAX} characters`),
  );
/** What people type at sign-in is checked against the store, not against today's rules. */
const TypedPassword = z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX));
const TypedUsername = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
export const TotpCode = z.string().check(z.trim(), z.regex(/^\d{6}$/, 'a code has 6 digits'));
const StaffName = z.string().check(z.trim(), z.minLength(2), z.maxLength(100));

export const SignInInput = z.strictObject({ username: TypedUsername, password: TypedPassword, totp: z.optional(TotpCode) });

export const SessionUser = z.object({ id: z.string(), username: z.string(), name: z.string(), role: Role, totp: z.boolean() });
export const StaffSession = z.object({
  user: SessionUser,
  /** Send it as X-CSRF-Token with every change made through the session cookie. */
  csrfToken: z.string(),
  /** When the session ends at the latest (the absolute timeout). */
  expiresAt: z.string(),
  /** A session unused this long ends. */
  idleTimeoutSeconds: z.number(),
});
export type StaffSession = z.infer<typeof StaffSession>;

export const PasswordChangeInput = z.strictObject({ current: TypedPassword, next: NewPassword });

export const TotpEnrolment = z.object({
  /** Base32, for apps that cannot read the QR code. */
  secret: z.string(),
  uri: z.string(),
  /** The otpauth URI as an SVG QR code, as a data: URL. */
  qr: z.string(),
});
export const TotpConfirmInput = z.strictObject({ code: TotpCode });
export const TotpOffInput = z.strictObject({ password: TypedPassword });

export const STAFF_STATES = ['active', 'disabled'] as const;
export const StaffMember = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  state: z.enum(STAFF_STATES),
  totp: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.nullable(z.string()),
});
export type StaffMember = z.infer<typeof StaffMember>;

const Cursor = z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/, 'cursor is malformed')));
const Limit = z._default(
  z.coerce
    .number()
    .check(z.int('limit must be a whole number'), z.minimum(1, 'limit must be between 1 and 100'), z.maximum(100, 'limit must be between 1 and 100')),
  20,
);
const Search = z.optional(z.string().check(z.trim(), z.maxLength(100)));

export const StaffQuery = z.strictObject({ q: Search, role: z.optional(Role), state: z.optional(z.enum(STAFF_STATES)), limit: Limit, cursor: Cursor });
export const StaffPage = z.object({ items: z.array(StaffMember), total: z.number(), nextCursor: z.nullable(z.string()) });
export const StaffPatch = z.strictObject({ role: z.optional(Role), disabled: z.optional(z.boolean()) });

export const InviteInput = z.strictObject({ name: StaffName, role: Role });
export const PendingInvite = z.object({ id: z.string(), name: z.string(), role: Role, createdAt: z.string(), expiresAt: z.string(), invitedBy: z.string() });
/** Made once: the link holds the only copy of the invite's secret. */
export const NewInvite = z.extend(PendingInvite, { link: z.string() });
export const PendingInvites = z.object({ items: z.array(PendingInvite) });
export const InviteParams = z.strictObject({ token: z.string().check(z.minLength(20), z.maxLength(100), z.regex(/^[A-Za-z0-9_-]+$/, 'not an invite')) });
export const InviteView = z.object({ name: z.string(), role: Role, expiresAt: z.string() });
export const AcceptInviteInput = z.strictObject({ username: Username, password: NewPassword });

/** The audit log, searched: who, what, about what, when (days in Vietnam's time). */
export const AuditFilterQuery = z.strictObject({
  limit: Limit,
  cursor: Cursor,
  actor: Search,
  action: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  q: Search,
  from: z.optional(z.iso.date()),
  to: z.optional(z.iso.date()),
});
export const AuditActions = z.object({ items: z.array(z.string()) });
export const AuditListPage = z.object({ items: z.array(AuditEntry), total: z.number(), nextCursor: z.nullable(z.string()) });
