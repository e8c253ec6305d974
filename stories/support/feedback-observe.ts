/** What a <pbgdpl-feedback-form> story expects the widget to show once it has settled (parameters.expect). */
export interface FeedbackExpect {
  state: FeedbackState;
  /** Whether the rest of the form (message, contact, consents, send) is open. */
  open?: boolean;
}

export type FeedbackState =
  | 'none'
  /** The title, the question and the five answers, before any interaction. */
  | 'closed'
  /** The whole form, nothing sent and no problems. */
  | 'open'
  /** The error summary. */
  | 'invalid'
  | 'sending'
  | 'sent'
  /** Saved on the device until the network is back. */
  | 'queued'
  | 'rate-limited'
  | 'failed'
  /** This page's origin may not send to the API. */
  | 'forbidden';

export interface FeedbackObserved {
  state: FeedbackState;
  open: boolean;
  /** The document or draft named, or ''. */
  subject: string;
  /** The notice, summary or thanks, for messages in tests. */
  text: string;
}

/**
 * Which state a <pbgdpl-feedback-form> shows, read from its shadow DOM. Self-contained (no imports,
 * no outer variables) so the Playwright test can run the same function in the page.
 */
export function observeFeedbackForm(el: Element): FeedbackObserved {
  const root = el.shadowRoot;
  if (!root?.querySelector('.base')) return { state: 'none', open: false, subject: '', text: '' };
  const text = (sel: string) => (root.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const open = Boolean(root.querySelector('#message'));
  const alert = text('[part="notice"][role="alert"]');
  let state: FeedbackState;
  if (root.querySelector('#thanks')) state = 'sent';
  else if (root.querySelector('#queued')) state = /Đang gửi|Sending/.test(text('#queued')) ? 'sending' : 'queued';
  else if (root.querySelector('button[type="submit"][aria-disabled="true"]')) state = 'sending';
  else if (root.querySelector('#summary')) state = 'invalid';
  else if (alert) state = /chưa được đăng ký|not registered/.test(alert) ? 'forbidden' : /thử lại sau|try again in/.test(alert) ? 'rate-limited' : 'failed';
  else state = open ? 'open' : 'closed';
  return { state, open, subject: text('[part="subject"]'), text: alert || text('#queued') || text('#summary') || text('#thanks') };
}
