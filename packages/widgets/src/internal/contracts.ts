export type ContractChecks = typeof import('./contract-checks.ts');

let loading: Promise<ContractChecks> | undefined;

/**
 * Loads the contract schemas in their own chunk, once per page. A failed load is forgotten so
 * the next call retries (slow rural connections drop requests).
 */
export function loadContractChecks(): Promise<ContractChecks> {
  loading ??= import('./contract-checks.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
