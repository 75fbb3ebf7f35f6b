import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadContractChecks, type ContractChecks } from '../internal/contracts.ts';

/**
 * Gives an element the contract schemas: starts loading their chunk as soon as the element is on
 * the page (the person is still reading, so it is there by the first submit) and re-renders the
 * host when it arrives (e.g. for the password length hint).
 */
export class ContractChecksController implements ReactiveController {
  /** The schemas, once loaded. */
  value: ContractChecks | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.value) void this.load();
  }

  /**
   * Resolves with the schemas, or undefined when their chunk cannot be loaded: the form then goes
   * to the API unchecked, and the API answers with the very same field errors.
   */
  async load(): Promise<ContractChecks | undefined> {
    if (this.value) return this.value;
    try {
      this.value = await loadContractChecks();
      this.#host.requestUpdate();
    } catch {
      return undefined;
    }
    return this.value;
  }
}
