import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * The doctor's "end the consultation" flow: the confirmation dialog, the request, its error, and
 * focus back on the button that opened the dialog.
 */
export class EndCallDialog implements ReactiveController {
  pending = false;
  error: unknown;
  /** True while this person's own end request runs: the end then counts as `by: 'self'`. */
  endingHere = false;
  readonly #host: Host;
  readonly #end: () => Promise<void>;
  #trigger: HTMLElement | undefined;

  constructor(host: Host, end: () => Promise<void>) {
    this.#host = host;
    this.#end = end;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#trigger = undefined;
  }

  open = (event: Event): void => {
    this.#trigger = event.currentTarget as HTMLElement;
    this.error = undefined;
    this.#dialog()?.showModal();
    this.#host.requestUpdate();
  };

  keep = (): void => this.#dialog()?.close();

  /** Closed by a button or Escape: back to the end button, if the call is still on screen. */
  closed = (): void => {
    if (this.#trigger?.isConnected) this.#trigger.focus();
  };

  confirm = async (): Promise<void> => {
    if (this.pending) return;
    this.pending = true;
    this.endingHere = true;
    this.#host.requestUpdate();
    try {
      await this.#end();
    } catch (error) {
      this.error = error;
    } finally {
      // The call has heard of its end by now (from the request or from the room), or it failed.
      this.endingHere = false;
      this.pending = false;
      this.#host.requestUpdate();
    }
  };

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="end-dialog"]');
  }
}
