import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

export interface ConfirmDialogOptions<S> {
  /** Finds the `<dialog>` in the host's shadow root, e.g. `dialog[part~="cancel-dialog"]`. */
  selector: string;
  /** Does what was confirmed; a throw keeps the dialog open with the error shown. */
  confirm: (subject: S, form: HTMLFormElement | null) => Promise<void>;
  /** Where focus goes when the invoking control is gone (e.g. its card was removed by the action). */
  fallbackFocus?: () => void;
  /**
   * Where focus goes after the action was done, instead of the invoker: when the action moves or
   * removes what the invoker belonged to, its button may now stand for something else.
   */
  focusAfterConfirm?: () => void;
}

/**
 * A modal confirmation (`<dialog>` with showModal) about one subject: remembers the control that
 * opened it and gives focus back when it closes (to `fallbackFocus` when that control is gone),
 * keeps the dialog open with the error when the action fails, and ignores Escape while the request
 * runs so its answer is seen. Bind `@close=${dialog.onClose}` and `@cancel=${dialog.onCancel}`.
 */
export class ConfirmDialogController<S> implements ReactiveController {
  /** What the open dialog is about; undefined when closed. */
  subject: S | undefined;
  pending = false;
  error: unknown;
  readonly #host: Host;
  readonly #options: ConfirmDialogOptions<S>;
  #invoker: HTMLElement | undefined;
  #confirmed = false;

  constructor(host: Host, options: ConfirmDialogOptions<S>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#invoker = undefined;
    this.close();
  }

  /** Opens the dialog about `subject`; `invoker` (a control, or the click event) gets focus back. */
  show = async (subject: S, invoker?: HTMLElement | Event | null): Promise<void> => {
    this.#invoker = invoker instanceof Event ? ((invoker.currentTarget as HTMLElement | null) ?? undefined) : (invoker ?? this.#focused());
    this.subject = subject;
    this.error = undefined;
    this.#confirmed = false;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog();
    dialog?.querySelector('form')?.reset();
    if (dialog && !dialog.open) dialog.showModal();
  };

  /** "Keep it": closes without doing anything. */
  keep = (): void => this.close();

  close(): void {
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else if (this.subject !== undefined) this.#finish();
  }

  /** The confirm button, or the dialog form's submit. */
  confirm = async (event?: Event): Promise<void> => {
    event?.preventDefault();
    const subject = this.subject;
    if (subject === undefined || this.pending) return;
    const form = event?.target instanceof HTMLFormElement ? event.target : (this.#dialog()?.querySelector('form') ?? null);
    this.pending = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      await this.#options.confirm(subject, form);
      this.#confirmed = true;
      this.close();
    } catch (error) {
      this.error = error;
    } finally {
      this.pending = false;
      this.#host.requestUpdate();
    }
  };

  /** Escape closes the dialog, except while the request runs. */
  onCancel = (event: Event): void => {
    if (this.pending) event.preventDefault();
  };

  /** The dialog closed (a button, Escape or the action's success). */
  onClose = (): void => {
    // The close event comes a task later: the dialog may already be open again about another subject.
    if (this.#dialog()?.open) return;
    this.#finish();
  };

  #finish(): void {
    const subject = this.subject;
    const confirmed = this.#confirmed;
    const invoker = this.#invoker;
    this.subject = undefined;
    this.error = undefined;
    this.#invoker = undefined;
    this.#confirmed = false;
    this.#host.requestUpdate();
    if (confirmed && this.#options.focusAfterConfirm) this.#options.focusAfterConfirm();
    else if (invoker?.isConnected) invoker.focus();
    else if (subject !== undefined) this.#options.fallbackFocus?.();
  }

  #focused(): HTMLElement | undefined {
    const root = this.#host.renderRoot as ShadowRoot | HTMLElement;
    const active = 'activeElement' in root ? root.activeElement : null;
    return active instanceof HTMLElement ? active : undefined;
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(this.#options.selector);
  }
}
