import type { AuditEntry, AuditList, MedicalDocument } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiClient } from '../../api/client.ts';
import { LoadController, loadingLine } from '../../controllers/load.ts';
import { PagedList } from '../../controllers/paged-list.ts';
import { describeError } from '../../internal/describe-error.ts';
import type { ViewHost } from '../../internal/view-host.ts';
import { viewState } from '../../internal/view-state.ts';
import { langReady } from '../../i18n/catalog.ts';
import type { Lang } from '../../i18n/lang.ts';

type Words = typeof import('./who-looked-words.ts');

/** The audit trail's words and sentences, the first time the section opens; in English, once its English has come. */
async function loadWords(lang: Lang): Promise<Words> {
  const words = await import('./who-looked-words.ts');
  await langReady(lang);
  return words;
}

/** The first page, tagged with its patient so another person's trail is never shown after a switch. */
interface Loaded {
  patientId: string;
  page: AuditList;
  words: Words;
}

/**
 * «Кто смотрел мои документы»: what other people (doctors, program staff) did with the patient's
 * documents, applications, conclusions and chats (`GET /me/audit`), newest first, in plain words.
 * Loaded only when the patient opens it, so the documents list never waits for it.
 */
export class WhoLooked {
  readonly #host: ViewHost;
  /** The patient's own documents, to name a document by its kind and file; undefined till loaded. */
  readonly #documents: () => readonly MedicalDocument[] | undefined;
  readonly #state: { open: boolean };
  readonly #entries: PagedList<AuditEntry>;
  readonly #load: LoadController<readonly [string | undefined, boolean, ApiClient, Lang], Loaded | undefined>;

  constructor(host: ViewHost, documents: () => readonly MedicalDocument[] | undefined) {
    this.#host = host;
    this.#documents = documents;
    const element = host.element;
    this.#state = viewState(element, { open: false });
    this.#entries = new PagedList<AuditEntry>(element, {
      name: 'who-looked',
      keyOf: (entry) => entry.id,
      itemSelector: (entry) => `[data-entry-id="${entry.id}"]`,
    });
    this.#load = new LoadController(element, {
      task: async ([patientId, open, client, lang], { signal }) => {
        if (!patientId || !open) return undefined;
        const [page, words] = await Promise.all([client.myAudit({ signal }), loadWords(lang)]);
        return { patientId, page, words };
      },
      args: () => [this.#patientId(), this.#state.open, host.client, host.locale] as const,
      onComplete: (loaded) => {
        if (!loaded) return this.#entries.reset();
        this.#entries.reset(loaded.page, (cursor, signal) => host.client.myAudit({ cursor, signal }));
      },
    });
  }

  /** Another person signed in, or the patient signed out: closed, and nothing of theirs kept. */
  reset(): void {
    this.#state.open = false;
    this.#entries.reset();
  }

  render(): TemplateResult {
    const d = this.#host.t.documents;
    const open = this.#state.open;
    const label = open ? d.whoLookedHide : d.whoLookedShow;
    return html`
      <section class="who-looked" part="who-looked" aria-labelledby="who-looked-title">
        <h3 id="who-looked-title">${d.whoLookedTitle}</h3>
        <p class="hint" part="hint">${d.whoLookedIntro}</p>
        <button
          type="button"
          part="button who-looked-button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="who-looked-content"
          aria-label=${`${label}: ${d.whoLookedTitle}`}
          @click=${() => (this.#state.open = !open)}
        >
          ${label}
        </button>
        <div id="who-looked-content" class="who-looked-content" ?hidden=${!open}>${open ? this.#renderContent() : nothing}</div>
      </section>
    `;
  }

  #renderContent(): unknown {
    const t = this.#host.t;
    const words = {
      loading: t.documents.whoLookedLoading,
      retry: t.documents.retry,
      failed: t.documents.whoLookedFailed,
      describe: (error: unknown) => describeError(t, error),
    };
    return this.#load.render(words, (loaded) => {
      // The task may still hold the previous person's page while the new one loads: never show it.
      if (!loaded || loaded.patientId !== this.#patientId()) return loadingLine(words.loading);
      const entries = this.#entries.items;
      if (entries.length === 0 && !this.#entries.hasMore) {
        return html`<p class="empty" part="who-looked-empty">${t.documents.whoLookedEmpty}</p>`;
      }
      return html`
        <ul class="who-looked-list" part="who-looked-list">
          ${repeat(entries, (entry) => entry.id, (entry) => this.#renderEntry(loaded.words, entry))}
        </ul>
        ${this.#entries.renderMore({ t, listName: t.documents.whoLookedTitle })}
      `;
    });
  }

  #renderEntry({ auditDeed, auditWhen, auditWho }: Words, entry: AuditEntry): TemplateResult {
    const t = this.#host.t;
    const deed = auditDeed(t, entry, 'patient', this.#documents());
    return html`
      <li class="who-looked-entry" part="who-looked-entry" data-entry-id=${entry.id}>
        <time class="when" part="when" datetime=${entry.at}>${auditWhen(t, this.#host.locale, entry.at)}</time>
        <span class="visually-hidden"> — </span>
        <span class="deed">${t.documents.whoLookedEntry(auditWho(t, entry), t.audit.roles[entry.actorRole], deed)}</span>
      </li>
    `;
  }

  #patientId(): string | undefined {
    const user = this.#host.user;
    return user?.role === 'patient' ? user.id : undefined;
  }
}
