import { facebookContractKit } from '../connectors/facebook/contract/facebookContractKit';
import { instagramContractKit } from '../connectors/instagram/contract/instagramContractKit';
import { redditContractKit } from '../connectors/reddit/contract/redditContractKit';
import { xContractKit } from '../connectors/x/contract/xContractKit';
import { youtubeContractKit } from '../connectors/youtube/contract/youtubeContractKit';
import type { ContractKit } from './replyKill';

/** Every wave-2 platform's contract server kit: for the command-line kill test and `npm run dev:web` with stand-ins. */
export const CONTRACT_KITS: readonly ContractKit[] = [facebookContractKit, instagramContractKit, youtubeContractKit, xContractKit, redditContractKit];
