import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { SignedInPart } from '../../internal/signed-in-part.ts';
import { uploadStyles } from '../oz-documents/upload.styles.ts';
import type { ApplyView } from './apply-signed-in.ts';
import { styles } from './oz-apply.styles.ts';
import { strings } from './strings.ts';

/**
 * @summary An application for an online consultation (заявка на онлайн-консультацию) to a national
 * medical center: the center (fixed by the `center` attribute, or chosen), the disease group,
 * diagnosis and complaints, name and age from the profile, and the center's document checklist
 * ticked from the patient's uploads, with upload in place for a missing document. After sending it
 * says what happens next. Signed-out visitors see a prompt to sign in.
 *
 * @event oz-application-submitted - The application was filed. `detail: { application }`.
 * @event oz-document-uploaded - A document was uploaded from the checklist. `detail: { document }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The application form.
 * @csspart field - Each field (also `center-field`, `disease-field`, `diagnosis-field`, `complaints-field`).
 * @csspart diagnosis-field - The current diagnosis.
 * @csspart complaints-field - The short complaints.
 * @csspart center-field - The choice of the center.
 * @csspart disease-field - The disease group.
 * @csspart label - A field's label or legend.
 * @csspart hint - Help text under a label.
 * @csspart radio - A center's radio button; `center-name` is the fixed center when preset.
 * @csspart center-name - The fixed center's name when the `center` attribute presets it.
 * @csspart select - The disease group list.
 * @csspart textarea - Diagnosis and complaints.
 * @csspart about-you - Name and age from the profile (`full-name`, `age`).
 * @csspart full-name - The patient's name from the profile.
 * @csspart age - The patient's age from the profile.
 * @csspart notice - "Your application to this center is waiting for review".
 * @csspart checklist - The document checklist; `checklist-item` is each kind, `checkbox` each
 *   upload to attach, `not-uploaded` the note for a kind with no uploads.
 * @csspart checklist-item - Each document kind of the checklist.
 * @csspart checkbox - Each uploaded document to attach.
 * @csspart not-uploaded - The note for a kind with no uploads yet.
 * @csspart pickers - The file buttons of a checklist line.
 * @csspart upload-progress - The progress block while a file goes out; `progress-bar`, `progress-text`.
 * @csspart progress-bar - The `<progress>` element.
 * @csspart progress-text - The percentage beside it.
 * @csspart button - Every button; also `choose-file-button`, `camera-button`, `cancel-upload-button`,
 *   `submit`, `retry-button`, `new-application-button`.
 * @csspart choose-file-button - Chooses a file for a checklist line.
 * @csspart camera-button - A photo from the camera (phones).
 * @csspart cancel-upload-button - Stops an upload under way.
 * @csspart retry-button - Tries a failed load again.
 * @csspart submit - «Отправить заявку».
 * @csspart new-application-button - A new application, after one was sent.
 * @csspart error - Any error text; `field-error`, `form-error`, `upload-error`.
 * @csspart form-error - Why the application was not sent.
 * @csspart field-error - The error next to a field.
 * @csspart upload-error - Why a file of the checklist did not upload.
 * @csspart loading - "Загружаем…" while the centers or the patient's documents load.
 * @csspart load-error - What could not be loaded (its `error` text) and the `retry-button`; the
 *   text also carries `form-error`, its old name, for one release.
 * @csspart status - Confirmations such as "Документ загружен".
 * @csspart confirmation - What the patient sees after sending.
 * @csspart sign-in-prompt - What a signed-out visitor sees, and the note for users who are not patients.
 *
 * @cssproperty --oz-color-primary - Buttons, links, the progress bar and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-danger - Errors and missing documents (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzApply extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, uploadStyles, styles];

  /**
   * The center's id (`bakulev`, `kulakov`, see `GET /centers`): the application goes there and the
   * patient cannot change it. Without it the patient chooses.
   */
  @property() center?: string;

  readonly #gate = new SignInGate(this, {
    roles: ['patient'],
    words: (t) => ({ restoring: t.apply.restoring, signInPrompt: t.apply.signInPrompt, otherRole: t.apply.patientsOnly }),
  });

  /** The form and everything a signed-in patient sees here, in a chunk of its own (see SignedInPart). */
  readonly #part = new SignedInPart<ApplyView>(this, this.#gate, () =>
    import('./apply-signed-in.ts').then((module) => new module.ApplyView(this.viewHost({ center: () => this.center }))),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('center')) this.#part.view?.centerChanged();
  }

  protected override userChanged(): void {
    this.#part.view?.reset();
  }

  override render(): TemplateResult {
    const a = this.t.apply;
    const words = { loading: a.loading, retry: a.retry, describe: (error: unknown) => describeError(this.t, error) };
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${a.title}</h2>
        ${this.#gate.render() ?? this.#part.render(words, (view) => view.render(), () => this.requestUpdate())}
      </div>
    `;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'oz-apply': OzApply;
  }
}
