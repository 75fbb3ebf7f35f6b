import type { FieldError } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckableSchema } from '../../internal/precheck.ts';

export type DeskChecks = typeof import('./desk-checks.ts');

let loading: Promise<DeskChecks> | undefined;

/** Loads the schemas once per page; a failed load is forgotten so the next submit retries. */
function loadDeskChecks(): Promise<DeskChecks> {
  loading ??= import('./desk-checks.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Gives the desk its contract schemas: the chunk starts loading when the desk is on the page,
 * so it is there by the first submit (the same pattern as ContractChecksController).
 */
export class DeskChecksController implements ReactiveController {
  value: DeskChecks | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.value) void this.load();
  }

  /** The schemas, or undefined when the chunk cannot load: the API then reports the same errors. */
  async load(): Promise<DeskChecks | undefined> {
    try {
      this.value ??= await loadDeskChecks();
    } catch {
      return undefined;
    }
    return this.value;
  }

  /** Field errors of `input` by `pick(schemas)`, with the API's codes; none when unloaded. */
  async check(pick: (checks: DeskChecks) => CheckableSchema, input: unknown): Promise<FieldError[]> {
    const checks = await this.load();
    if (!checks) return [];
    const result = pick(checks).safeParse(input);
    return result.success || !result.error ? [] : checks.fieldErrorsFromIssues(result.error.issues);
  }
}
