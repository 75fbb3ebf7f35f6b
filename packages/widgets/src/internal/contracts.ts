import { lazyChunk } from './lazy-chunk.ts';

export type ContractChecks = typeof import('./contract-checks.ts');

/** The contract schemas in their own chunk, loaded once per page. */
export const loadContractChecks = lazyChunk((): Promise<ContractChecks> => import('./contract-checks.ts'));
