import type { FieldError } from '@oz/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyChunk } from '../../internal/lazy-chunk.ts';
import type { CheckableSchema } from '../../internal/precheck.ts';

export type DeskChecks = typeof import('./desk-checks.ts');

/** The desk's schemas in their own chunk, loaded once per page. */
const loadDeskChecks = lazyChunk((): Promise<DeskChecks> => import('./desk-checks.ts'));

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
