import type { ProofOfWork } from '../core/proof-of-work.js';
import type { Sender } from '../core/sender.js';
import type { Answers } from './qa-box.answers.js';
import type { Fields } from './qa-box.fields.js';

/**
 * What the Q&A box lends the parts it loads later (the ask form, the tracker): the controllers
 * they share with the list. The parts read the element's settings from their host (WidgetHost).
 */
export interface QaShared {
  readonly sender: Sender;
  readonly proof: ProofOfWork;
  readonly fields: Fields;
  readonly answers: Answers;
  /** Opens the ask form, as its button does. */
  openAsk(): void;
}
