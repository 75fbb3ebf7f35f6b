import type { Application, Center, Conclusion, Consultation, DutySlot, MedicalDocument } from '@oz/contracts';
import { Task, initialState } from '@lit/task';
import type { ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { mySlots } from '../../api/duty-slots.ts';

export interface DeskDataDeps {
  client: () => ApiClient;
  /** Who the desk works for (API origin + doctor id), or null when no doctor is signed in. */
  doctorKey: () => string | null;
  centerId: () => string | null;
  /** Only duty doctors have slots to load. */
  isDutyDoctor: () => boolean;
  openApplication: () => Application | null;
  openConsultation: () => Consultation | null;
}

/**
 * Everything the desk loads, as @lit/task tasks: each re-runs when the signed-in doctor (or the
 * opened item) changes, aborting the outdated request through its signal.
 */
export class DeskData {
  /** The doctor's center from GET /centers, for disease names. */
  readonly center: Task<[string | null, string | null], Center | undefined>;
  /** The center's applications waiting for review, oldest first (the server's order). */
  readonly queue: Task<[string | null], Application[]>;
  /** The doctor's own consultations. */
  readonly consultations: Task<[string | null], Consultation[]>;
  /** The opened application's documents: the ones attached to it (all of them for a referral). */
  readonly documents: Task<[string | null, string | undefined], MedicalDocument[]>;
  /** A duty doctor's own slots from a day ago on, free and booked; empty for other doctors. */
  readonly slots: Task<[string | null, boolean], DutySlot[]>;
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
    this.queue = new Task(host, {
      args: () => [doctorKey()] as [string | null],
      task: async ([key], { signal }) => {
        if (!key) return initialState;
        return (await client().applications({ status: 'submitted', signal })).items;
      },
    });
    this.consultations = new Task(host, {
      args: () => [doctorKey()] as [string | null],
      task: async ([key], { signal }) => {
        if (!key) return initialState;
        return (await client().consultations(signal)).items;
      },
    });
    this.slots = new Task(host, {
      args: () => [doctorKey(), deps.isDutyDoctor()] as [string | null, boolean],
      task: async ([key, duty], { signal }) => {
        if (!key || !duty) return initialState;
        return (await mySlots(client(), signal)).items;
      },
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
