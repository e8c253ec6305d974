/**
 * Every event a PBGDPL widget fires, by name, with its `detail`. Each is a CustomEvent that
 * bubbles and is composed (it leaves the shadow root); each element's JSDoc says which it fires.
 * A new event goes here only: `emit` and a page's `addEventListener` (through the
 * GlobalEventHandlersEventMap below) both know its detail from it.
 */
export interface PbgdplEvents {
  /** Fresh data arrived (latest-laws, qa-box): how many items. */
  'pbgdpl-loaded': { count: number };
  /** Loading failed and nothing could be shown from storage (latest-laws). */
  'pbgdpl-error': { offline: boolean };
  /** The API accepted a question (qa-box). */
  'pbgdpl-question-sent': { trackingCode: string };
  /** The server stored the feedback (feedback-form). */
  'pbgdpl-feedback-sent': { id: string };
}

type PbgdplEventMap = { [K in keyof PbgdplEvents]: CustomEvent<PbgdplEvents[K]> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the DOM's own map
  interface GlobalEventHandlersEventMap extends PbgdplEventMap {}
}
