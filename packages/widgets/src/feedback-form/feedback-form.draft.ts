import type { ReactiveController } from 'lit';
import type { FeedbackKindCode } from '@pbgdpl/contract';
import { FEEDBACK_KINDS } from '@pbgdpl/contract/constants';
import type { WidgetHost } from '../core/base-element.js';
import type { Sender } from '../core/sender.js';
import type { Errors, FeedbackValues } from './feedback-form.validate.js';

export const emptyValues = (): FeedbackValues => ({ rating: 0, message: '', contact: '', consent: false, contactConsent: false });

/** The kind a form can honour: document and draft need a document. */
export function shownKind(kind: string, document: string): FeedbackKindCode {
  const known = (FEEDBACK_KINDS as readonly string[]).includes(kind) ? (kind as FeedbackKindCode) : 'page';
  return known !== 'page' && !document.trim() ? 'page' : known;
}

/** What the open form (feedback-form.parts.ts, loaded later) reads from its element. */
export interface FeedbackHost extends WidgetHost {
  readonly kind: string;
  readonly document: string;
}

/** What the element shares with the open form. */
export interface FeedbackShared {
  readonly draft: Draft;
  readonly sender: Sender;
}

/**
 * What the citizen has entered and what the form says about it, shared by the element (which
 * draws the rating before anything else has loaded) and the open form (the rest).
 */
export class Draft implements ReactiveController {
  values: FeedbackValues = emptyValues();
  errors: Errors = {};
  honeypot = '';
  /** The rest of the form shows from the citizen's first interaction on. */
  open = false;
  /** What the polite live region says. */
  announcement = '';
  /** The id to focus after the next render. */
  focusNext: string | null = null;

  constructor(private readonly host: WidgetHost) {
    host.addController(this);
  }

  /** Changes what the form holds, and draws it again. */
  set(change: Partial<Pick<Draft, 'values' | 'errors' | 'honeypot' | 'open' | 'announcement' | 'focusNext'>>) {
    Object.assign(this, change);
    this.host.requestUpdate();
  }

  hostUpdated() {
    const id = this.focusNext;
    this.focusNext = null;
    if (id) this.host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }
}
