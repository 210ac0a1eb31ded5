import type { ContractSyncCase } from './contractSyncCase';
import { facebookCase } from './facebookCase';
import { instagramCase } from './instagramCase';
import { redditCase } from './redditCase';
import { xCase } from './xCase';
import { youtubeCase } from './youtubeCase';

/** Every platform's `sync_ratio_contract` case, one per wave-2 platform (each written beside its contract server). */
export const CONTRACT_SYNC_CASES: readonly ContractSyncCase[] = [facebookCase, instagramCase, youtubeCase, xCase, redditCase];
