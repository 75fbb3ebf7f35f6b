import type { MedicalDocument, User } from '@oz/contracts';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';
import { LoadController, loadingLine, type LoadWords } from '../../controllers/load.ts';

interface Loaded {
  patientId: string;
  items: MedicalDocument[];
}

export interface PatientDocumentsOptions {
  /** Read on every update: the session user may change at any time. */
  user: () => User | null;
  client: () => ApiClient;
}

/** What other elements on the page do that changes this patient's list (or its `inUse` flags). */
const PAGE_EVENTS = [
  'oz-document-uploaded',
  'oz-document-deleted',
  'oz-application-submitted',
  'oz-application-cancelled',
  'oz-application-declined',
] as const;

/**
 * The signed-in patient's documents (`GET /documents`), shared by <oz-documents> and <oz-apply>:
 * loaded again when the user changes, kept up to date when another element on the page uploads,
 * deletes or files an application, and never shown to a user they do not belong to. Shown the
 * usual way of a load (`loading`, `load-error`, `retry-button`).
 */
export class PatientDocuments implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: PatientDocumentsOptions;
  readonly #load: LoadController<readonly [string | undefined, ApiClient], Loaded | undefined>;
  /** The last list loaded, with this element's own uploads and deletes since. */
  #loaded: Loaded | undefined;

  constructor(host: ReactiveElement, options: PatientDocumentsOptions) {
    this.#host = host;
    this.#options = options;
    this.#load = new LoadController(host, {
      task: async ([patientId, client], { signal }) => {
        if (!patientId) return undefined;
        const { items } = await client.documents({ signal });
        return { patientId, items };
      },
      args: () => [this.#patientId(), options.client()] as const,
      onComplete: (loaded) => {
        this.#loaded = loaded;
      },
    });
    host.addController(this);
  }

  /** The list, newest first; undefined until it is loaded for the current patient. */
  get items(): MedicalDocument[] | undefined {
    const patientId = this.#patientId();
    return patientId && this.#loaded?.patientId === patientId ? this.#loaded.items : undefined;
  }

  /** `complete(items)` once the current patient's list is here; till then the loading line or the error. */
  render(words: LoadWords, complete: (items: MedicalDocument[]) => unknown): unknown {
    // A list of the previous patient stays in the task while the new one loads: never show it.
    return this.#load.render(words, () => {
      const items = this.items;
      return items ? complete(items) : loadingLine(words.loading);
    });
  }

  refresh(): void {
    void this.#load.run();
  }

  /** A document this element just uploaded: shown at once, without another request. */
  add(document: MedicalDocument): void {
    if (this.#loaded?.patientId !== document.ownerId) return this.refresh();
    this.#loaded = { ...this.#loaded, items: [document, ...this.#loaded.items.filter((d) => d.id !== document.id)] };
    this.#host.requestUpdate();
  }

  remove(id: string): void {
    if (!this.#loaded) return;
    this.#loaded = { ...this.#loaded, items: this.#loaded.items.filter((d) => d.id !== id) };
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    for (const name of PAGE_EVENTS) document.addEventListener(name, this.#onPageEvent);
    // A load aborted when the element left the page must run again now that it is back.
    if (this.#load.failed && isAbortError(this.#load.error)) this.refresh();
  }

  hostDisconnected(): void {
    for (const name of PAGE_EVENTS) document.removeEventListener(name, this.#onPageEvent);
    this.#load.abort();
  }

  #patientId(): string | undefined {
    const user = this.#options.user();
    return user?.role === 'patient' ? user.id : undefined;
  }

  /** The host handles its own actions; changes made by other elements need a fresh list. */
  #onPageEvent = (event: Event): void => {
    if (event.target !== this.#host && this.#patientId()) this.refresh();
  };
}
