import type { MedicalDocument } from '@oz/contracts';
import type { ReactiveController } from 'lit';
import { DocumentViewer } from '../../internal/document-viewer.ts';
import type { DeskData } from './desk-data.ts';
import { focusAfterUpdate, wordsOf, type DeskHost } from './desk-host.ts';
import { describeDeskError, loadWords } from './desk-problems.ts';
import { renderDocuments } from './documents-view.ts';
import type { Loaded } from './desk-parts.ts';
import { saveDocument } from './save-document.ts';

/**
 * What the doctor does with a patient's documents, on an application and on a consultation alike:
 * read a PDF or a picture in the page (DocumentViewer), save any of them to the device.
 */
export class DeskDocuments implements ReactiveController {
  #savingId: string | null = null;
  #saveFailure: { name: string; error: unknown } | null = null;
  #saveAbort: AbortController | undefined;

  readonly #host: DeskHost;
  readonly #data: DeskData;
  readonly viewer: DocumentViewer;

  constructor(host: DeskHost, data: DeskData) {
    this.#host = host;
    this.#data = data;
    host.addController(this);
    this.viewer = new DocumentViewer(host, {
      content: (id, signal) => data.client().documentContent(id, signal),
      download: (document) => void this.save(document),
    });
  }

  /** The desk left the page: a download in flight is no longer wanted. */
  hostDisconnected(): void {
    this.#saveAbort?.abort();
  }

  /** Another item opened, or another doctor signed in: no viewer, no download, no old error. */
  reset(): void {
    this.#saveAbort?.abort();
    this.#savingId = null;
    this.#saveFailure = null;
    this.viewer.reset();
  }

  render(load: Loaded<MedicalDocument[]>, referral: boolean): unknown {
    const t = wordsOf(this.#host);
    const failure = this.#saveFailure;
    return renderDocuments({
      t,
      locale: this.#host.locale,
      load,
      words: loadWords(t),
      referral,
      savingId: this.#savingId,
      saveProblem: failure ? t.doctorDesk.saveFailed(failure.name, describeDeskError(t, failure.error)) : undefined,
      viewer: this.viewer,
      onSave: (document) => void this.save(document),
      onView: (document) =>
        void this.viewer.open(document, () => void focusAfterUpdate(this.#host, `[data-document-id="${document.id}"] [part~="view-document-button"]`)),
    });
  }

  async save(document: MedicalDocument): Promise<void> {
    if (this.#savingId) return;
    const abort = new AbortController();
    this.#saveAbort = abort;
    this.#savingId = document.id;
    this.#saveFailure = null;
    this.#host.requestUpdate();
    try {
      await saveDocument(this.#data.client(), document, abort.signal);
    } catch (error) {
      if (!abort.signal.aborted) this.#saveFailure = { name: document.fileName, error };
    } finally {
      if (this.#saveAbort === abort) this.#savingId = null;
      this.#host.requestUpdate();
    }
  }
}
