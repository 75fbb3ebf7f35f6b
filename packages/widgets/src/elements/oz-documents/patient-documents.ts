import type { MedicalDocument, User } from '@oz/contracts';
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { isAbortError } from '../../api/errors.ts';

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
 * deletes or files an application, and never shown to a user they do not belong to.
 */
export class PatientDocuments implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: PatientDocumentsOptions;
  readonly #task: Task<[string | undefined, ApiClient], Loaded | undefined>;
  #loaded: Loaded | undefined;

  constructor(host: ReactiveElement, options: PatientDocumentsOptions) {
    this.#host = host;
    this.#options = options;
    this.#task = new Task(host, {
      task: async ([patientId, client], { signal }) => {
        if (!patientId) return undefined;
        const { items } = await client.documents({ signal });
        return { patientId, items };
      },
      args: () => [this.#patientId(), options.client()],
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

  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Why the last load failed, unless it was merely superseded. */
  get error(): unknown {
    const error = this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
    return isAbortError(error) ? undefined : error;
  }

  refresh(): void {
    void this.#task.run();
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
    if (this.#task.status === TaskStatus.ERROR && isAbortError(this.#task.error)) this.refresh();
  }

  hostDisconnected(): void {
    for (const name of PAGE_EVENTS) document.removeEventListener(name, this.#onPageEvent);
    this.#task.abort();
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
