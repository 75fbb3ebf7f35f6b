import type { Application, Center, Consultation, DutySlot } from '@oz/contracts';
import { initialState } from '@lit/task';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { mySlots } from '../../api/duty-slots.ts';
import type { PageOptions } from '../../api/page-query.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { LoadController } from '../../controllers/load.ts';
import { PagedList, type Page, type PageReader } from '../../controllers/paged-list.ts';
import { DAY_MS } from './desk-time.ts';

/** A list's first page and how to read the pages after it (same filters, same page size). */
interface FirstPage<T> {
  page: Page<T>;
  readNext: PageReader<T>;
}

/** The reader of the pages after the first, from the one that reads the first. */
function nextPages<T>(read: (page: PageOptions) => Promise<Page<T>>): PageReader<T> {
  return (cursor, signal) => read({ cursor, signal });
}

/** «Мои консультации» start this far back: the past week's calls, for conclusions still to write. */
const CONSULTATIONS_SINCE_MS = 7 * DAY_MS;

/** The "cursor" of the earlier consultations' first page: no real cursor yet, but a page to read. */
const EARLIER_START = 'earlier-start';

/** What the desk's data depends on: all of it the signed-in doctor and the desk's attributes. */
export interface DeskDataDeps {
  client: () => ApiClient;
  /** Who the desk works for (API origin + doctor id), or null when no doctor is signed in. */
  doctorKey: () => string | null;
  centerId: () => string | null;
  /** Only duty doctors have slots to load. */
  isDutyDoctor: () => boolean;
  /** Items on one page of each list (`limit`); undefined: the API's defaults. */
  pageSize: () => number | undefined;
}

/**
 * The lists the desk's sections share, as loads of the desk: each re-runs when the signed-in doctor
 * (or the page size) changes, aborting the outdated request. The three lists that grow come in
 * pages: a load reads the first, its paged list holds what is loaded so far. What one opened item
 * needs (its documents, its conclusion) is loaded by the section that opened it.
 */
export class DeskData {
  /** The API of the desk, read when a request starts (its origin may change). */
  readonly client: () => ApiClient;
  /** Who the desk works for; null when no doctor is signed in. */
  readonly doctorKey: () => string | null;
  /** The page's catalog of centers, for the doctor's center and its disease names. */
  readonly centers: CentersController;
  /** The first page of the center's applications waiting for review. */
  readonly queue: LoadController<[string | null, number | undefined], FirstPage<Application>>;
  /** The queue loaded so far, oldest first (the server's order). */
  readonly queueList: PagedList<Application>;
  /** The first page of the doctor's own consultations from a week ago on. */
  readonly consultations: LoadController<[string | null, number | undefined], FirstPage<Consultation>>;
  /** The doctor's consultations loaded so far, by start time. */
  readonly consultationList: PagedList<Consultation>;
  /**
   * The consultations before that week, newest first, read only when the doctor asks: a conclusion
   * still to write, an older chat. Starts as a list with one page to come (EARLIER_START).
   */
  readonly earlierList: PagedList<Consultation>;
  /** The first page of a duty doctor's own slots from a day ago on, free and booked; empty for other doctors. */
  readonly slots: LoadController<[string | null, boolean, number | undefined], FirstPage<DutySlot>>;
  /** A duty doctor's slots loaded so far, by start time. */
  readonly slotList: PagedList<DutySlot>;
  /** Where «Мои консультации» start, for which doctor and page size: the boundary with the earlier ones. */
  #week: { list: string; from: string } | undefined;
  readonly #centerId: () => string | null;

  constructor(host: ReactiveElement, deps: DeskDataDeps) {
    const { client, doctorKey } = deps;
    this.client = client;
    this.doctorKey = doctorKey;
    this.#centerId = deps.centerId;
    this.centers = new CentersController(host, client, () => doctorKey() !== null);
    this.queueList = new PagedList(host, {
      name: 'queue',
      keyOf: (application) => application.id,
      itemSelector: (application) => `[data-application-id="${application.id}"] button`,
    });
    this.queue = new LoadController(host, {
      args: () => [doctorKey(), deps.pageSize()] as [string | null, number | undefined],
      task: async ([key, limit], { signal }) => {
        if (!key) return initialState;
        const read = (page: PageOptions) => client().applications({ status: 'submitted', limit, ...page });
        return { page: await read({ signal }), readNext: nextPages(read) };
      },
      onComplete: ({ page, readNext }) => this.queueList.reset(page, readNext),
    });
    this.consultationList = new PagedList(host, {
      name: 'consultations',
      keyOf: (consultation) => consultation.id,
      itemSelector: (consultation) => `[data-consultation-id="${consultation.id}"]`,
    });
    this.earlierList = new PagedList(host, {
      name: 'earlier-consultations',
      keyOf: (consultation) => consultation.id,
      itemSelector: (consultation) => `[data-consultation-id="${consultation.id}"]`,
    });
    this.consultations = new LoadController(host, {
      args: () => [doctorKey(), deps.pageSize()] as [string | null, number | undefined],
      task: async ([key, limit], { signal }) => {
        if (!key) return initialState;
        // The week starts once per doctor and page size: a refresh (a notification, a conclusion)
        // reloads the week but keeps the earlier consultations the doctor has paged in.
        const list = `${key}|${limit ?? ''}`;
        const fresh = this.#week?.list !== list;
        // Date.now, not new Date(): the clock a test (or a host page) may set. Later pages keep this range.
        if (fresh) this.#week = { list, from: new Date(Date.now() - CONSULTATIONS_SINCE_MS).toISOString() };
        const { from } = this.#week!;
        const read = (page: PageOptions) => client().consultations({ from, order: 'asc', limit, ...page });
        const readEarlier = (page: PageOptions) =>
          client().consultations({ to: from, order: 'desc', limit, ...page, cursor: page.cursor === EARLIER_START ? undefined : page.cursor });
        return { page: await read({ signal }), readNext: nextPages(read), readEarlier: fresh ? nextPages(readEarlier) : undefined };
      },
      onComplete: ({ page, readNext, readEarlier }) => {
        this.consultationList.reset(page, readNext);
        if (readEarlier) this.earlierList.reset({ items: [], nextCursor: EARLIER_START }, readEarlier);
      },
    });
    this.slotList = new PagedList(host, {
      name: 'slots',
      keyOf: (slot) => slot.id,
      itemSelector: (slot) => `[data-slot-id="${slot.id}"]`,
    });
    this.slots = new LoadController(host, {
      args: () => [doctorKey(), deps.isDutyDoctor(), deps.pageSize()] as [string | null, boolean, number | undefined],
      task: async ([key, duty, limit], { signal }) => {
        if (!key || !duty) return initialState;
        const read = (page: PageOptions) => mySlots(client(), { limit, ...page });
        return { page: await read({ signal }), readNext: nextPages(read) };
      },
      onComplete: ({ page, readNext }) => this.slotList.reset(page, readNext),
    });
  }

  /** The doctor's center, once the catalog is here. */
  get center(): Center | undefined {
    return this.centers.find(this.#centerId());
  }

  /** A disease of the doctor's center by its id, in the reader's language; the id until the catalog is here. */
  diseaseName(id: string, locale: string): string {
    const disease = this.center?.diseases.find((candidate) => candidate.id === id);
    if (!disease) return id;
    return locale === 'en' ? disease.nameEn : disease.name;
  }

  /**
   * Loads the queue, the consultations and a duty doctor's slots again (the refresh button, a
   * notification: a booking or a cancellation changes both a duty doctor's slots and consultations).
   */
  refresh(): Promise<unknown> {
    return Promise.allSettled([this.queue.run(), this.consultations.run(), this.slots.run()]);
  }
}
