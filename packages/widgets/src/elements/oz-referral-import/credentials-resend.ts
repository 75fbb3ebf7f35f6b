import type { CredentialsResendResult, FieldError } from '@oz/contracts';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { resendCredentials } from '../../api/referrals.ts';
import { describeFieldError } from '../../internal/describe-error.ts';
import type { Translation } from '../../i18n/index.ts';
import { describeResendProblem, phoneProblemOf } from './resend-problem.ts';

/** Where one new password stands; `problem` is a function of the strings, so it follows a change of language. */
export type ResendState =
  | { readonly status: 'pending' }
  | { readonly status: 'sent'; readonly result: CredentialsResendResult }
  | { readonly status: 'failed'; readonly problem: (t: Translation) => string; readonly phoneProblem: boolean };

const REQUIRED: FieldError = { field: 'phone', code: 'required', message: 'Enter the phone number' };

/**
 * New one-time passwords by SMS (`POST /referrals/credentials`) for <oz-referral-import>, each
 * with its own state under a key (a row's phone, or the form's): several rows can be sent at once.
 * `reset()` aborts everything and drops answers still on their way, e.g. when another person signs in.
 */
export class CredentialsResend implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #client: () => ApiClient;
  readonly #states = new Map<string, ResendState>();
  readonly #aborts = new Map<string, AbortController>();
  /** Bumped on every reset, so an answer to an abandoned request is ignored. */
  #generation = 0;

  constructor(host: ReactiveElement, client: () => ApiClient) {
    this.#host = host;
    this.#client = client;
    host.addController(this);
  }

  stateOf(key: string): ResendState | undefined {
    return this.#states.get(key);
  }

  /**
   * Sends `phone` (as typed) a new password, its state kept under `key`. Resolves with the final
   * state; undefined when nothing was sent (already pending) or the answer no longer matters.
   */
  async send(phone: string, key: string = phone): Promise<ResendState | undefined> {
    if (this.#states.get(key)?.status === 'pending') return undefined;
    const generation = this.#generation;
    if (phone.trim() === '') {
      return this.#settle(key, { status: 'failed', problem: (t) => describeFieldError(t, REQUIRED), phoneProblem: true });
    }
    const abort = new AbortController();
    this.#aborts.set(key, abort);
    this.#settle(key, { status: 'pending' });
    try {
      const result = await resendCredentials(this.#client(), { phone: phone.trim() }, abort.signal);
      return generation === this.#generation ? this.#settle(key, { status: 'sent', result }) : undefined;
    } catch (error) {
      if (generation !== this.#generation) return undefined;
      if (isAbortError(error)) {
        this.#forget(key);
        return undefined;
      }
      const phoneProblem = phoneProblemOf(error) !== undefined;
      return this.#settle(key, { status: 'failed', problem: (t) => describeResendProblem(t, error), phoneProblem });
    } finally {
      if (this.#aborts.get(key) === abort) this.#aborts.delete(key);
    }
  }

  /** Aborts every request and forgets every state. */
  reset(): void {
    this.#generation += 1;
    for (const abort of this.#aborts.values()) abort.abort();
    this.#aborts.clear();
    this.#states.clear();
    this.#host.requestUpdate();
  }

  /** Off the page nothing waits for the answers; what was sent or refused stays to be shown. */
  hostDisconnected(): void {
    for (const abort of this.#aborts.values()) abort.abort();
  }

  #settle(key: string, state: ResendState): ResendState {
    this.#states.set(key, state);
    this.#host.requestUpdate();
    return state;
  }

  #forget(key: string): void {
    this.#states.delete(key);
    this.#host.requestUpdate();
  }
}
