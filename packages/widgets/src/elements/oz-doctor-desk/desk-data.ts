import type { Application, Center, Conclusion, Consultation, DutySlot, MedicalDocument } from '@oz/contracts';
import { Task, initialState } from '@lit/task';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { mySlots } from '../../api/duty-slots.ts';
import type { PageOptions } from '../../api/page-query.ts';
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

export interface DeskDataDeps {
  client: () => ApiClient;
  /** Who the desk works for (API origin + doctor id), or null when no doctor is signed in. */
  doctorKey: () => string | null;
  centerId: () => string | null;
  /** Only duty doctors have slots to load. */
  isDutyDoctor: () => boolean;
  openApplication: () => Application | null;
  openConsultation: () => Consultation | null;
  /** Items on one page of each list (`limit`); undefined: the API's defaults. */
  pageSize: () => number | undefined;
}

/**
 * Everything the desk loads, as @lit/task tasks: each re-runs when the signed-in doctor (or the
 * opened item) changes, aborting the outdated request through its signal. The three lists that
 * grow come in pages: a task loads the first, its paged list holds what is loaded so far.
 */
export class DeskData {
  /** The doctor's center from GET /centers, for disease names. */
  readonly center: Task<[string | null, string | null], Center | undefined>;
  /** The first page of the center's applications waiting for review. */
  readonly queue: Task<[string | null, number | undefined], FirstPage<Application>>;
  /** The queue loaded so far, oldest first (the server's order). */
  readonly queueList: PagedList<Application>;
  /** The first page of the doctor's own consultations from a week ago on. */
  readonly consultations: Task<[string | null, number | undefined], FirstPage<Consultation>>;
  /** The doctor's consultations loaded so far, by start time. */
  readonly consultationList: PagedList<Consultation>;
  /**
   * The consultations before that week, newest first, read only when the doctor asks: a conclusion
   * still to write, an older chat. Starts as a list with one page to come (EARLIER_START).
   */
  readonly earlierList: PagedList<Consultation>;
  /** Where «Мои консультации» start, for which doctor and page size: the boundary with the earlier ones. */
  #week: { list: string; from: string } | undefined;
  /** The opened application's documents: the ones attached to it (all of them for a referral). */
  readonly documents: Task<[string | null, string | undefined], MedicalDocument[]>;
  /** The first page of a duty doctor's own slots from a day ago on, free and booked; empty for other doctors. */
  readonly slots: Task<[string | null, boolean, number | undefined], FirstPage<DutySlot>>;
  /** A duty doctor's slots loaded so far, by start time. */
  readonly slotList: PagedList<DutySlot>;
  /** The written conclusion of the opened consultation (GET …/conclusion). */
  readonly conclusion: Task<[string | null, string | undefined, boolean], Conclusion>;

  constructor(host: ReactiveElement, deps: DeskDataDeps) {
    const { client, doctorKey } = deps;
    this.center = new Task(host, {
      args: () => [doctorKey(), deps.centerId()] as [string | null, string | null],
      task: async ([key, centerId], { signal }) => {
        if (!key || !centerId) return initialState;
        const { items } = await client().centers(signal);
        return items.find((center) => center.id === centerId);
      },
    });
    this.queueList = new PagedList(host, {
      name: 'queue',
      keyOf: (application) => application.id,
      itemSelector: (application) => `[data-application-id="${application.id}"] button`,
    });
    this.queue = new Task(host, {
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
    this.consultations = new Task(host, {
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
    this.earlierList = new PagedList(host, {
      name: 'earlier-consultations',
      keyOf: (consultation) => consultation.id,
      itemSelector: (consultation) => `[data-consultation-id="${consultation.id}"]`,
    });
    this.slotList = new PagedList(host, {
      name: 'slots',
      keyOf: (slot) => slot.id,
      itemSelector: (slot) => `[data-slot-id="${slot.id}"]`,
    });
    this.slots = new Task(host, {
      args: () => [doctorKey(), deps.isDutyDoctor(), deps.pageSize()] as [string | null, boolean, number | undefined],
      task: async ([key, duty, limit], { signal }) => {
        if (!key || !duty) return initialState;
        const read = (page: PageOptions) => mySlots(client(), { limit, ...page });
        return { page: await read({ signal }), readNext: nextPages(read) };
      },
      onComplete: ({ page, readNext }) => this.slotList.reset(page, readNext),
    });
    this.documents = new Task(host, {
      args: () => [doctorKey(), deps.openApplication()?.id] as [string | null, string | undefined],
      task: async ([key, id], { signal }) => {
        const application = deps.openApplication();
        if (!key || !id || !application) return initialState;
        const { items } = await client().documents({ patientId: application.patientId, signal });
        // A referral is imported from a table with no documents; the patient uploads them later.
        if (application.source === 'referral') return items;
        return items.filter((document) => application.documentIds.includes(document.id));
      },
    });
    this.conclusion = new Task(host, {
      args: () => {
        const open = deps.openConsultation();
        return [doctorKey(), open?.id, open?.hasConclusion ?? false] as [string | null, string | undefined, boolean];
      },
      task: async ([key, id, written], { signal }) => {
        if (!key || !id || !written) return initialState;
        return client().conclusion(id, signal);
      },
    });
  }

  /**
   * Loads the queue, the consultations and a duty doctor's slots again (the refresh button, a
   * notification: a booking or a cancellation changes both a duty doctor's slots and consultations).
   */
  refresh(): Promise<unknown> {
    return Promise.allSettled([this.queue.run(), this.consultations.run(), this.slots.run()]);
  }
}
