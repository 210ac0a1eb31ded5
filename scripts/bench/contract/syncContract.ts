import { CONTRACT_SYNC_CASES } from './contractSyncCases';
import { benchContractSync } from './syncContractBench';

/**
 * `sync_ratio_contract` in a process of its own (as bench.ts runs each measure): N items per
 * platform from each contract server. Prints the results as JSON on its last line.
 */
const items = Number(process.argv[2]);
console.log(JSON.stringify(await benchContractSync(CONTRACT_SYNC_CASES, { items })));
