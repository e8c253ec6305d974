import { createHash } from 'node:crypto';

/** Tokens, session cookies and invites are long random strings: a fast hash keeps them out of a database dump. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
