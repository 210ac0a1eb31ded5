import { PLATFORM_NAMES } from '../../shared/domain/platform';
import { PLATFORM_ORIGINS_VARIABLE } from '../../electron/core/connectors/platformOrigins';
import { CONTRACT_KITS } from '../../electron/core/testing/contractKits';

/**
 * `PIEUVRE_CONTRACT_SERVERS=1 npm run dev:web`: Facebook, Instagram, YouTube, X and Reddit played
 * by the contract servers the tests use, each seeded with a few conversations, so that their
 * setup, sign-in, sync and replies can be tried in the browser without real accounts. The core
 * reaches them through `PIEUVRE_PLATFORM_ORIGINS`, as the tests do. Returns what to type in each
 * platform's setup, and how to stop them.
 */
export async function startContractStandIns(): Promise<{ instructions: string[]; close: () => Promise<void> }> {
  const running = await Promise.all(CONTRACT_KITS.map(async (kit) => ({ kit, contract: await kit.start() })));
  process.env[PLATFORM_ORIGINS_VARIABLE] = JSON.stringify(Object.fromEntries(running.map(({ kit, contract }) => [kit.platform, contract.origin])));
  return {
    instructions: running.map(({ kit }) => `${PLATFORM_NAMES[kit.platform]}: client id ${kit.app.clientId}${kit.app.clientSecret ? `, secret ${kit.app.clientSecret}` : ''}`),
    close: async () => void (await Promise.all(running.map(({ contract }) => contract.close()))),
  };
}
