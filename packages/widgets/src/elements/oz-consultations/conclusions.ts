import type { Conclusion } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';

export type ConclusionState =
  | { status: 'loading' }
  | { status: 'ready'; conclusion: Conclusion }
  | { status: 'error'; error: unknown };

/**
 * The conclusions a person opened under their consultations: each loads on first opening, one
 * request per consultation, aborted when the element leaves the page or the user changes. A keyed
 * set of loads rather than a LoadController (one Task per host, never removed); the view shows
 * them with its `loadingLine` and `loadError`.
 */
export class ConclusionsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => ApiClient;
  readonly #open = new Set<string>();
  readonly #states = new Map<string, ConclusionState>();
  readonly #requests = new Map<string, AbortController>();

  constructor(host: ReactiveControllerHost, client: () => ApiClient) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  isOpen(consultationId: string): boolean {
    return this.#open.has(consultationId);
  }

  stateOf(consultationId: string): ConclusionState | undefined {
    return this.#states.get(consultationId);
  }

  toggle(consultationId: string): void {
    if (this.#open.delete(consultationId)) {
      this.#host.requestUpdate();
      return;
    }
    this.#open.add(consultationId);
    if (this.#states.get(consultationId)?.status !== 'ready') void this.load(consultationId);
    this.#host.requestUpdate();
  }

  async load(consultationId: string): Promise<void> {
    this.#requests.get(consultationId)?.abort();
    const request = new AbortController();
    this.#requests.set(consultationId, request);
    this.#states.set(consultationId, { status: 'loading' });
    this.#host.requestUpdate();
    try {
      const conclusion = await this.#client().conclusion(consultationId, request.signal);
      this.#states.set(consultationId, { status: 'ready', conclusion });
    } catch (error) {
      if (isAbortError(error)) return;
      this.#states.set(consultationId, { status: 'error', error });
    } finally {
      if (this.#requests.get(consultationId) === request) this.#requests.delete(consultationId);
    }
    this.#host.requestUpdate();
  }

  /** Forgets everything, e.g. when another user signs in on the page. */
  reset(): void {
    this.#abortAll();
    this.#open.clear();
    this.#states.clear();
  }

  hostDisconnected(): void {
    this.#abortAll();
    // A half-loaded conclusion would stay "loading" forever: load it again when reopened.
    for (const [id, state] of this.#states) if (state.status === 'loading') this.#states.delete(id);
    this.#open.clear();
  }

  #abortAll(): void {
    for (const request of this.#requests.values()) request.abort();
    this.#requests.clear();
  }
}
