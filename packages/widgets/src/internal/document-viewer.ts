import type { DocumentMediaType, MedicalDocument } from '@oz/contracts';
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';

/** What the browser shows in the page by itself; HEIC, DICOM and ZIPs are only saved. */
export type ViewableKind = 'pdf' | 'image';

export function viewableKind(mediaType: DocumentMediaType): ViewableKind | null {
  if (mediaType === 'application/pdf') return 'pdf';
  // Chromium and Firefox draw no HEIC: such a photo is offered as a download, like a DICOM study.
  if (mediaType === 'image/jpeg' || mediaType === 'image/png') return 'image';
  return null;
}

export interface DocumentViewerWords {
  /** "Выписка: scan.pdf": the viewer's heading. */
  title: (document: MedicalDocument) => string;
  /** The accessible name of the frame or picture. */
  label: (document: MedicalDocument) => string;
  download: string;
  close: string;
  opening: string;
  failed: (error: unknown) => string;
  /** Under a PDF: what to do where the browser shows no PDFs (a phone without a viewer). */
  pdfFallback: string;
}

export interface DocumentViewerDeps {
  /** The file (GET …/content with the bearer token): never an address carrying the token. */
  content: (id: string, signal: AbortSignal) => Promise<Blob>;
  /** «Скачать» in the viewer: saving goes the way the list saves. */
  download: (document: MedicalDocument) => void;
}

interface Shown {
  document: MedicalDocument;
  kind: ViewableKind;
  /** The object URL of the file once it is here. */
  url?: string;
  error?: unknown;
  /** Where focus goes back on close: the button that opened it. */
  returnFocus: () => void;
}

/**
 * A patient's PDF or picture read in the page, one at a time: the file comes as a blob with the
 * signed-in person's token and is shown from an object URL, revoked when the viewer closes,
 * shows another file, or its element leaves the page. Focus moves to the viewer's heading on
 * open and back to the opening button on close (the close button or Escape).
 */
export class DocumentViewer implements ReactiveController {
  #shown: Shown | null = null;
  #abort: AbortController | undefined;

  readonly #host: ReactiveElement;
  readonly #deps: DocumentViewerDeps;

  constructor(host: ReactiveElement, deps: DocumentViewerDeps) {
    this.#host = host;
    this.#deps = deps;
    host.addController(this);
  }

  /** The document shown now, if any. */
  get shown(): MedicalDocument | null {
    return this.#shown?.document ?? null;
  }

  hostDisconnected(): void {
    this.#forget();
  }

  /** Shows `document` (a PDF or an image; anything else is ignored) and loads its file. */
  async open(document: MedicalDocument, returnFocus: () => void): Promise<void> {
    const kind = viewableKind(document.mediaType);
    if (!kind) return;
    this.#forget();
    const shown: Shown = { document, kind, returnFocus };
    this.#shown = shown;
    const abort = new AbortController();
    this.#abort = abort;
    this.#host.requestUpdate();
    void this.#focusTitle();
    try {
      const blob = await this.#deps.content(document.id, abort.signal);
      if (this.#shown !== shown) return;
      // The server's type may carry a disposition or a charset; the viewer needs the bare type to draw a PDF.
      shown.url = URL.createObjectURL(new Blob([blob], { type: document.mediaType }));
    } catch (error) {
      if (abort.signal.aborted || this.#shown !== shown) return;
      shown.error = error;
    }
    this.#host.requestUpdate();
  }

  /** Closes the viewer; focus goes back to where it was opened from. */
  close = (): void => {
    const shown = this.#shown;
    if (!shown) return;
    this.#forget();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => shown.returnFocus());
  };

  /** Forgets the shown file without moving focus (another person signed in, the view changed). */
  reset(): void {
    if (!this.#shown) return;
    this.#forget();
    this.#host.requestUpdate();
  }

  render(words: DocumentViewerWords): TemplateResult | typeof nothing {
    const shown = this.#shown;
    if (!shown) return nothing;
    const { document } = shown;
    return html`
      <section class="viewer" part="viewer" aria-labelledby="viewer-title" data-document-id=${document.id} @keydown=${this.#onKeydown}>
        <div class="viewer-bar">
          <h5 id="viewer-title" class="viewer-title" tabindex="-1">${words.title(document)}</h5>
          <div class="actions">
            <button
              type="button"
              part="button viewer-download-button"
              aria-label=${`${words.download}: ${document.fileName}`}
              @click=${() => this.#deps.download(document)}
            >
              ${words.download}
            </button>
            <button type="button" part="button close-viewer-button" aria-label=${`${words.close}: ${document.fileName}`} @click=${this.close}>
              <span aria-hidden="true">✕ </span>${words.close}
            </button>
          </div>
        </div>
        ${this.#renderBody(words, shown)}
      </section>
    `;
  }

  #renderBody(words: DocumentViewerWords, shown: Shown): unknown {
    if (shown.error !== undefined) return html`<p role="alert" part="error" class="form-error">${words.failed(shown.error)}</p>`;
    if (!shown.url) return html`<p class="loading" part="loading" role="status">${words.opening}</p>`;
    if (shown.kind === 'image') {
      // .img-alt: the words shown instead when the site hides pictures (styles/low-vision.ts).
      const label = words.label(shown.document);
      return html`<img part="viewer-image" class="viewer-image" src=${shown.url} alt=${label} /><p class="img-alt">${label}</p>`;
    }
    // No sandbox: Chromium draws no PDF in a sandboxed frame. The server sniffed the bytes as a PDF
    // on upload, and a blob of type application/pdf opens in the browser's viewer, never as a page.
    return html`
      <iframe part="viewer-frame" class="viewer-frame" src=${shown.url} title=${words.label(shown.document)}></iframe>
      <p class="note">${words.pdfFallback}</p>
    `;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  };

  async #focusTitle(): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#viewer-title')?.focus();
  }

  #forget(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (this.#shown?.url) URL.revokeObjectURL(this.#shown.url);
    this.#shown = null;
  }
}
