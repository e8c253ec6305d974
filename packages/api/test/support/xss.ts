/**
 * The shared XSS corpus (written for the widgets' tests; plain data, no imports), used here for
 * what the API stores and exports and what the moderation page shows. Each payload, if it ever
 * ran, would set window[XSS_FLAG].
 */
export { XSS_FLAG, XSS_PAYLOADS, XSS_URLS, type XssPayload } from '../../../widgets/src/test-support/xss-corpus.js';
