import type { ReactiveControllerHost } from 'lit';
import type { Citation } from '@pbgdpl/contract';
import type { Lang } from '../core/lang.js';
import type { Sender } from '../core/sender.js';

export interface Field {
  code: string;
  label: string;
}

/**
 * What the ask form and the tracking form (loaded when the citizen opens them) get from the
 * element: its settings, the field list, answer rendering and the Sender.
 */
export interface QaContext {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly root: ShadowRoot | HTMLElement | DocumentFragment;
  readonly api: string;
  readonly site: string;
  readonly lang: Lang;
  /** Level of the widget's title; the forms' titles are one below. */
  readonly level: number;
  /** The field the list is filtered by: preselected in the form. */
  readonly filter: string;
  /** GET /api/v1/meta's fields once loaded. */
  readonly fields: Field[] | undefined;
  readonly fieldsLoading: boolean;
  fieldLabel(code: string): string;
  /** "Could not load the fields" with a retry button, or nothing. */
  fieldsProblem(): unknown;
  /** An answer: its sanitised HTML, then its citations. */
  answer(key: string, html: string, citations: Citation[]): unknown;
  isOpen(key: string): boolean;
  toggle(key: string): void;
  readonly sender: Sender;
  /** Starts the proof of work (on the citizen's first interaction with the form). */
  startProof(): void;
  /** Opens the ask form (as its button does). */
  openAsk(): void;
}
