import type { Center } from '@oz/contracts';
import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.ts';
import { centersOf } from '../api/centers-cache.ts';

export { centersOf, forgetCenters } from '../api/centers-cache.ts';
import { LoadController } from './load.ts';

/**
 * The centers catalog as a load of its host: the page's shared copy, shown with the usual
 * `loading` / `load-error` / `retry-button` parts. `enabled` false skips it (e.g. nobody signed in).
 */
export class CentersController extends LoadController<readonly [ApiClient, boolean], Center[]> {
  constructor(host: ReactiveControllerHost, client: () => ApiClient, enabled: () => boolean = () => true) {
    super(host, {
      task: ([api, on], { signal }) => (on ? centersOf(api, signal) : Promise.resolve([])),
      args: () => [client(), enabled()] as const,
    });
  }

  /** The center with this id, once the catalog is here. */
  find(id: string | null | undefined): Center | undefined {
    return id ? this.value?.find((center) => center.id === id) : undefined;
  }
}
