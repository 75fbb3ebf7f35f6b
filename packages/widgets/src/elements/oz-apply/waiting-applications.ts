import type { Application, User } from '@oz/contracts';
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiClient } from '../../api/client.ts';

export interface WaitingApplicationsOptions {
  user: () => User | null;
  client: () => ApiClient;
}

/**
 * The patient's applications still waiting for review (`GET /applications?status=submitted`), so
 * the form can say before sending that this center already has one (the API would answer 409).
 * Only a hint: when it cannot be loaded the form works as usual and the API still decides.
 */
export class WaitingApplications implements ReactiveController {
  readonly #task: Task<[string | undefined, ApiClient], { patientId: string; items: Application[] } | undefined>;
  readonly #user: () => User | null;

  constructor(host: ReactiveElement, { user, client }: WaitingApplicationsOptions) {
    this.#user = user;
    this.#task = new Task(host, {
      task: async ([patientId, apiClient], { signal }) => {
        if (!patientId) return undefined;
        const { items } = await apiClient.applications({ status: 'submitted', signal });
        return { patientId, items };
      },
      args: () => [this.#patientId(), client()],
    });
    host.addController(this);
  }

  /** The waiting application to this center, if any. */
  forCenter(centerId: string): Application | undefined {
    const loaded = this.#task.value;
    if (!loaded || loaded.patientId !== this.#patientId()) return undefined;
    return loaded.items.find((application) => application.centerId === centerId && application.status === 'submitted');
  }

  refresh(): void {
    void this.#task.run();
  }

  hostConnected(): void {
    document.addEventListener('oz-application-cancelled', this.#onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('oz-application-cancelled', this.#onChange);
    this.#task.abort();
  }

  #patientId(): string | undefined {
    const user = this.#user();
    return user?.role === 'patient' ? user.id : undefined;
  }

  /** Withdrawn in <oz-consultations> on this page: the center is free to apply to again. */
  #onChange = (): void => {
    if (this.#patientId()) this.refresh();
  };
}
