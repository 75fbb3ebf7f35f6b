import type { Consultation } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { SignedInPart } from '../../internal/signed-in-part.ts';
import type { ConsultationsView } from './consultations-signed-in.ts';
import { styles } from './oz-consultations.styles.ts';
import { strings } from './strings.ts';

/**
 * @summary The personal account's section «Консультации» for the patient: applications waiting
 * for a doctor (or declined, with the reason), upcoming and past online consultations, cancelling
 * a consultation or withdrawing an application, the doctor's conclusion to read and print, and
 * the correspondence with the doctor (`<oz-chat>`, opened in place under each consultation; a
 * card says «Новое сообщение» when the doctor wrote while it was closed). It refreshes by itself
 * when a notification arrives (a consultation scheduled, a conclusion ready). Consultations come
 * latest first in pages: the first holds the upcoming ones and the latest past ones, and
 * «Показать ещё» under the past ones brings earlier ones.
 *
 * From 15 minutes before the start a consultation's card offers the video room in place
 * (`<oz-video-room>`); before that it says when the room opens. `renderJoin()` can be
 * overridden to put something else there (a link to a page of the portal's own, say).
 *
 * @event oz-consultation-cancelled - The patient cancelled a consultation here. `detail: { consultation }`.
 * @event oz-application-cancelled - The patient withdrew a waiting application here. `detail: { application }`.
 * @event oz-message-sent - The patient sent a message in a consultation's chat (from the inner `<oz-chat>`). `detail: { message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart title - The heading «Консультации».
 * @csspart section - Each group: applications, upcoming, cancelled (cancelled ones whose time is still
 *   to come, «Отменённые»), past; each also has `<name>-section`.
 * @csspart consultation - A consultation card; its status is added (`scheduled`, `completed`, `cancelled`…).
 * @csspart scheduled - A scheduled consultation's card (also `consultation`).
 * @csspart completed - A completed consultation's card (also `consultation`).
 * @csspart cancelled - A cancelled consultation's or application's card (also `consultation` or `application`).
 * @csspart application - An application card; its status is added (`submitted`, `declined`, `cancelled`).
 * @csspart submitted - A waiting application's card (also `application`).
 * @csspart declined - A declined application's card (also `application`).
 * @csspart when - The date and time of a consultation.
 * @csspart status-text - The status of a card; `call-ended` too once the doctor has ended the call and the conclusion is still to come (no join, no cancel then).
 * @csspart call-ended - The status once the doctor has ended the call, before the conclusion (also `status-text`).
 * @csspart join - Where the video button will be (for now the note about it); `join-note` is the note.
 * @csspart join-note - The note about the video button.
 * @csspart waiting-note - How long a doctor takes to answer an application.
 * @csspart decline-reason - Why an application was declined.
 * @csspart cancellation - Who cancelled a consultation, and why.
 * @csspart conclusion - The doctor's conclusion; `outcome`, `conclusion-text`, `recommendations` inside.
 * @csspart outcome - A conclusion, or an invitation to an in-person visit.
 * @csspart conclusion-text - The conclusion's text.
 * @csspart recommendations - The doctor's recommendations.
 * @csspart topic - What the patient wants to ask the duty doctor.
 * @csspart chat - The opened `<oz-chat>` of a consultation (style its inside through its own parts);
 *   `new-message` the «Новое сообщение» marker next to `chat-button`.
 * @csspart new-message - The «Новое сообщение» marker next to `chat-button`.
 * @csspart button - Every button; also `cancel-button`, `withdraw-button`, `conclusion-button`, `chat-button`,
 *   `print-button`, `retry-button`, `confirm-button`, `keep-button`, `load-more` (earlier consultations).
 * @csspart retry-button - Tries a failed load again.
 * @csspart load-more - «Показать ещё» under the past consultations.
 * @csspart cancel-button - Cancels a consultation.
 * @csspart withdraw-button - Withdraws a waiting application.
 * @csspart conclusion-button - Shows the conclusion.
 * @csspart chat-button - Opens or closes the chat.
 * @csspart print-button - Prints the conclusion.
 * @csspart confirm-button - Confirms in the dialog.
 * @csspart keep-button - Closes the dialog and keeps the consultation or application.
 * @csspart dialog - The confirmation before cancelling or withdrawing (also `cancel-dialog`);
 *   `textarea` is its reason field, `label` its label.
 * @csspart cancel-dialog - The confirmation before cancelling or withdrawing (also `dialog`).
 * @csspart label - The reason field's label.
 * @csspart textarea - The reason field.
 * @csspart status - Confirmations such as "Онлайн-консультация отменена".
 * @csspart loading - The line while the consultations (or a conclusion) load.
 * @csspart load-error - What could not be loaded (its `error` text) and the `retry-button`.
 * @csspart error - Error texts; `load-more-error` when earlier consultations did not come.
 * @csspart load-more-error - Why earlier consultations did not come.
 * @csspart load-more-area - The end of the past consultations: «Показать ещё» and its error.
 * @csspart sign-in-prompt - What a signed-out visitor sees, and the note for users who are not patients.
 * @csspart print-frame - The hidden frame a conclusion is printed from.
 *
 * @cssproperty --oz-color-primary - Buttons, links and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Cancel buttons and error text (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - Background of the cards (default #f2f5f8).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzConsultations extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /**
   * How many consultations one page holds (`limit` of the API, at most 200); «Показать ещё» under
   * the past ones brings the next page. Unset: the API's default (100).
   */
  @property({ type: Number, attribute: 'page-size' }) pageSize?: number;

  /** The last confirmation, e.g. "Онлайн-консультация отменена." */
  @state() private statusMessage = '';

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.consultations.loading, signInPrompt: t.consultations.signInPrompt, otherRole: t.consultations.forPatients }),
  });

  /** Everything a signed-in patient sees here, in a chunk of its own (see SignedInPart). */
  readonly #part = new SignedInPart<ConsultationsView>(this, this.#gate, () =>
    import('./consultations-signed-in.ts').then((module) => new module.ConsultationsView(
      this.viewHost({
        pageSize: () => this.pageSize,
        api: () => this.api,
        patientId: () => this.#patientId(),
        setStatus: (text: string) => {
          this.statusMessage = text;
        },
        renderJoin: (consultation: Consultation) => this.renderJoin(consultation),
      }),
    )),
  );

  /** Loads everything again (the element also does this by itself on every live notification). */
  async refresh(): Promise<void> {
    await this.#part.view?.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#part.view?.abort();
  }

  /**
   * The video place of every upcoming consultation that is scheduled or in progress: when the
   * room opens, then a button that opens `<oz-video-room>` on the card.
   */
  protected renderJoin(consultation: Consultation): unknown {
    return this.#part.view?.renderJoin(consultation);
  }

  override render(): TemplateResult {
    const c = this.t.consultations;
    const words = { loading: c.loading, retry: c.retry, describe: (error: unknown) => describeError(this.t, error) };
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" part="title" tabindex="-1">${c.title}</h2>
        <div role="status" part="status" class="status">${this.statusMessage}</div>
        ${this.#gate.render() ?? this.#part.render(words, (view) => view.render(), () => this.requestUpdate())}
      </div>
    `;
  }

  /** Only the patient's own data shows here (see #patientId). */
  protected override userKey(): string | undefined {
    return this.#patientId();
  }

  protected override userChanged(): void {
    this.#part.view?.reset();
    this.statusMessage = '';
  }

  /** Only patients have this section; signed in with a password of their own (else the API says 403). */
  #patientId(): string | undefined {
    const user = this.user;
    return user && user.role === 'patient' && !user.mustChangePassword ? user.id : undefined;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'oz-consultations': OzConsultations;
  }
}
