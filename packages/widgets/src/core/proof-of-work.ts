import type { ReactiveController } from 'lit';
import { apiUrl } from './api-url.js';
import type { WidgetHost } from './base-element.js';
import { whenIdle } from './idle.js';
import type { Proof } from './proof.js';

/**
 * The proof of work (ALTCHA) a form sends with every submission. Its solver's code (~30 KB) is
 * fetched once the page is idle, so a form can be filled and queued offline; the proof itself
 * starts on the citizen's first interaction, because it needs a challenge from the API. Offline
 * that fails and is forgotten: the Sender asks again before each attempt, so the challenge is
 * fetched and solved when the network is back. The element renders the `.proof` box it lives in.
 */
export class ProofOfWork implements ReactiveController {
  /** How a proof is made. A test seam: component tests and stories put a fake solver here. */
  static create = async (host: WidgetHost): Promise<Proof> => {
    const { createProof } = await import('./proof.js');
    return createProof(host.renderRoot.querySelector<HTMLElement>('.proof')!, apiUrl(host.api, '/api/v1/challenge', { site: host.site }), host.language);
  };

  /** Fetches the solver's code ahead. A test seam too. */
  static prefetch = (): Promise<unknown> => import('./proof.js');

  private started: Promise<Proof> | undefined;
  private cancelIdle = () => {};

  constructor(private readonly host: WidgetHost) {
    host.addController(this);
  }

  hostConnected() {
    this.cancelIdle = whenIdle(() => void ProofOfWork.prefetch().catch(() => {}));
  }

  hostDisconnected() {
    this.cancelIdle();
  }

  /** The proof, started on the first call; a failed start (the code did not load) is tried again next time. */
  get(): Promise<Proof> {
    return (this.started ??= ProofOfWork.create(this.host).catch((err: unknown) => {
      this.started = undefined;
      throw err;
    }));
  }

  /** On the citizen's first interaction: start solving now, so it is done by the time they send. */
  start = () => void this.get().catch(() => {});
}
