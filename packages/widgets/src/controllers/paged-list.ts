import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { isAbortError } from '../api/errors.ts';
import type { Translation } from '../i18n/index.ts';
import { describeError } from '../internal/describe-error.ts';

/** One page of a list that grows, as the API answers it (`NotificationList`, `ConsultationList`, …). */
export interface Page<T> {
  readonly items: readonly T[];
  /** The cursor of the next page; `null` on the last page (absent from an API before paging: one page). */
  readonly nextCursor?: string | null | undefined;
}

/** Reads the page after `cursor` of the very list (same filters) the first page came from. */
export type PageReader<T> = (cursor: string, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedListOptions<T> {
  /** Names the list in ids (`<name>-more-error`): unique among the lists of one host. */
  name: string;
  /** An item's identity: a second copy (live, or met again on a later page) replaces the first. */
  keyOf: (item: T) => string;
  /** Where later pages go: after the loaded items (default), or before them (a chat's earlier messages). */
  pagesGo?: 'after' | 'before';
  /** Keeps the list in this order (e.g. by time); without it, items stay in the order they came. */
  compare?: (a: T, b: T) => number;
  /**
   * A selector (in the host's shadow root) of an item's element. When the last page came and the
   * button that had focus is gone, focus goes to the first item that came with it.
   */
  itemSelector: (item: T) => string;
}

/** What the «Показать ещё» button says and does. */
export interface LoadMoreView {
  t: Translation;
  /** The button's words; «Показать ещё» unless given. */
  label?: string | undefined;
  /** Which list it continues, for screen readers after the label ("Показать ещё: Уведомления"). */
  listName?: string | undefined;
  /**
   * Loads the next page by itself when the end of the list scrolls into view (an
   * IntersectionObserver on a sentinel); the button stays for keyboard users and as a fallback.
   */
  onScroll?: boolean | undefined;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * A list the API sends in pages (`{ items, nextCursor }`): the items loaded so far, the next
 * cursor, whether the next page is on its way and why it failed. The host loads the first page
 * itself (a @lit/task) and hands it over with `reset`; `loadMore` reads the next one (aborted when
 * the host leaves the page; an answer that comes after a `reset` is dropped, as the session's
 * generation counter does). Items that arrive live are merged by key, never shown twice.
 * `renderMore` draws the «Показать ещё» button (part `load-more`) with its busy state and a
 * translated error that the same button retries.
 */
export class PagedList<T> implements ReactiveController {
  #items: readonly T[] = [];
  #nextCursor: string | null = null;
  #readNext: PageReader<T> | undefined;
  #loadingMore = false;
  #moreError: unknown = undefined;
  /** What the last page added, for the screen reader announcement. */
  #shown: { count: number; last: boolean } | undefined;
  /** Bumped by every reset: the answer of a page asked for before it belongs to another list. */
  #generation = 0;
  #abort: AbortController | undefined;
  #observer: IntersectionObserver | undefined;
  #sentinel: Element | undefined;

  readonly #host: ReactiveElement;
  readonly #options: PagedListOptions<T>;

  constructor(host: ReactiveElement, options: PagedListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The items loaded so far, in the order to show. */
  get items(): readonly T[] {
    return this.#items;
  }

  /** The cursor of the next page; null when everything is loaded. */
  get nextCursor(): string | null {
    return this.#nextCursor;
  }

  get hasMore(): boolean {
    return this.#nextCursor !== null;
  }

  /** The next page is on its way. */
  get loadingMore(): boolean {
    return this.#loadingMore;
  }

  /** Why the last `loadMore` failed; undefined when it did not. */
  get moreError(): unknown {
    return this.#moreError;
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#observer?.disconnect();
    this.#sentinel = undefined;
  }

  /**
   * Starts over with this first page (nothing: an empty list) and the way to read its next pages.
   * A page still on its way is aborted, and its answer dropped.
   */
  reset(first?: Page<T>, readNext?: PageReader<T>): void {
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#items = first ? this.#merge([], first.items, 'end') : [];
    this.#nextCursor = first?.nextCursor ?? null;
    this.#readNext = readNext;
    this.#loadingMore = false;
    this.#moreError = undefined;
    this.#shown = undefined;
    this.#host.requestUpdate();
  }

  /**
   * The first page read again (the live stream came back, a list refreshed) of a list that grows
   * only at its first page's end (notifications, a chat). When it meets the loaded items, the pages
   * loaded further stay and it is merged in; otherwise (a gap, another list) it starts over.
   */
  mergeFirstPage(first: Page<T>, readNext?: PageReader<T>): void {
    const { keyOf, pagesGo } = this.#options;
    const loaded = new Set(this.#items.map(keyOf));
    if (!first.items.some((item) => loaded.has(keyOf(item)))) return this.reset(first, readNext);
    // Merged, not replaced: an item that came live after the page was read stays too.
    this.#items = this.#merge(this.#items, first.items, pagesGo === 'before' ? 'end' : 'start');
    if (readNext) this.#readNext = readNext;
    if (!first.nextCursor) {
      // The first page is the whole list now: nothing further is left to load.
      this.#generation++;
      this.#abort?.abort();
      this.#nextCursor = null;
      this.#loadingMore = false;
      this.#moreError = undefined;
    }
    this.#host.requestUpdate();
  }

  /**
   * Adds items that came outside the pages (a live notification, a sent message) or replaces
   * loaded ones with the same key (a notification marked read), in place. New ones go to `at`.
   */
  upsert(items: readonly T[], at: 'start' | 'end' = 'start'): void {
    this.#items = this.#merge(this.#items, items, at);
    this.#host.requestUpdate();
  }

  /** Reads the next page and adds it; resolves with the items it added (none on failure). */
  async loadMore(): Promise<readonly T[]> {
    const cursor = this.#nextCursor;
    const readNext = this.#readNext;
    if (!cursor || !readNext || this.#loadingMore) return [];
    const { keyOf, pagesGo } = this.#options;
    const generation = this.#generation;
    const abort = new AbortController();
    this.#abort = abort;
    this.#loadingMore = true;
    this.#moreError = undefined;
    this.#shown = undefined;
    this.#host.requestUpdate();
    try {
      const page = await readNext(cursor, abort.signal);
      if (generation !== this.#generation) return [];
      const loaded = new Set(this.#items.map(keyOf));
      const added = page.items.filter((item) => !loaded.has(keyOf(item)));
      this.#items = this.#merge(this.#items, page.items, pagesGo === 'before' ? 'start' : 'end');
      this.#nextCursor = page.nextCursor ?? null;
      this.#shown = { count: added.length, last: this.#nextCursor === null };
      return added;
    } catch (error) {
      if (generation === this.#generation && !isAbortError(error)) this.#moreError = error;
      return [];
    } finally {
      if (generation === this.#generation) {
        this.#loadingMore = false;
        this.#abort = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * The end of the list: the «Показать ещё» button while there is more (busy while the page comes,
   * «Попробовать ещё раз» under a visible error when it failed), and a live region that says how
   * many items came. Focus stays on the button; after the last page it goes to the first new item.
   * Both of its wordings are always laid out, one of them unseen, so the button keeps its size and
   * nothing around it jumps when it turns busy (a chat reader's place above all).
   */
  renderMore(view: LoadMoreView): TemplateResult {
    const words = view.t.paging;
    const busy = this.#loadingMore;
    const failed = this.#moreError !== undefined;
    const errorId = `${this.#options.name}-more-error`;
    const shown = this.#shown;
    return html`
      <div class="load-more-area" part="load-more-area">
        ${failed
          ? html`<p id=${errorId} role="alert" part="error load-more-error" class="form-error">
              ${words.moreFailed} ${describeError(view.t, this.#moreError)}
            </p>`
          : nothing}
        ${this.hasMore
          ? html`<button
              type="button"
              part="button load-more"
              class="load-more"
              aria-busy=${busy ? 'true' : 'false'}
              aria-disabled=${busy ? 'true' : 'false'}
              aria-describedby=${ifDefined(failed ? errorId : undefined)}
              aria-label=${ifDefined(view.listName && !failed && !busy ? `${view.label ?? words.showMore}: ${view.listName}` : undefined)}
              @click=${this.#onClick}
            >
              <!-- The list's name is in aria-label: a visually hidden span here is heard as «Показать ещё : …». -->
              <span class="load-more-words ${busy ? 'load-more-unseen' : ''}">${failed ? words.retry : (view.label ?? words.showMore)}</span>
              <span class="load-more-words ${busy ? '' : 'load-more-unseen'}">${words.loadingMore}</span>
            </button>`
          : nothing}
        ${view.onScroll && this.hasMore && !busy && !failed
          ? html`<div class="load-more-sentinel" ${ref(this.#watchSentinel)}></div>`
          : nothing}
        ${this.hasMore || shown
          ? html`<div role="status" class="visually-hidden">${shown ? words.shownMore(shown.count, shown.last) : nothing}</div>`
          : nothing}
      </div>
    `;
  }

  #onClick = async (event: Event): Promise<void> => {
    // aria-disabled, not disabled, while busy: a disabled button would drop the keyboard focus.
    if (this.#loadingMore) return;
    const button = event.currentTarget as HTMLElement;
    const root = this.#host.renderRoot as ShadowRoot;
    const hadFocus = root.activeElement === button;
    const added = await this.loadMore();
    if (!hadFocus || added.length === 0) return;
    await this.#host.updateComplete;
    if (button.isConnected) return;
    const keys = new Set(added.map(this.#options.keyOf));
    const first = this.#items.find((item) => keys.has(this.#options.keyOf(item)));
    const target = first && root.querySelector<HTMLElement>(this.#options.itemSelector(first));
    if (!target) return;
    if (!target.matches(FOCUSABLE)) target.setAttribute('tabindex', '-1');
    target.focus();
  };

  /**
   * The sentinel after the list: a new one comes after every page (it is not drawn while one
   * loads), and observing it reports at once whether it is still in view, so a page that does
   * not fill the screen brings the next one.
   */
  #watchSentinel = (element: Element | undefined): void => {
    if (element === this.#sentinel) return;
    this.#observer?.disconnect();
    this.#sentinel = element;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    this.#observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void this.loadMore();
      },
      // A little before the very end, so the next page is often there when the reader arrives.
      { rootMargin: '0px 0px 200px 0px' },
    );
    this.#observer.observe(element);
  };

  /** `incoming` merged by key: a known item is replaced in place, new ones go to `at`. */
  #merge(current: readonly T[], incoming: readonly T[], at: 'start' | 'end'): readonly T[] {
    const { keyOf, compare } = this.#options;
    const fresh = new Map(incoming.map((item) => [keyOf(item), item]));
    const kept = current.map((item) => {
      const key = keyOf(item);
      const replacement = fresh.get(key);
      if (replacement === undefined) return item;
      fresh.delete(key);
      return replacement;
    });
    const added = [...fresh.values()];
    const merged = at === 'start' ? [...added, ...kept] : [...kept, ...added];
    return compare ? merged.sort(compare) : merged;
  }
}
