import type { ContractSyncCase } from './contractSyncCase';

/** Every platform's `sync_ratio_contract` case, one per wave-2 platform (each written beside its contract server). */
export const CONTRACT_SYNC_CASES: readonly ContractSyncCase[] = [];
