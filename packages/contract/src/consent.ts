import * as z from 'zod/mini';
import { CONSENT_PURPOSES } from './constants.js';

export { CONSENT_PURPOSES, NOTICES, type Notice } from './constants.js';
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
