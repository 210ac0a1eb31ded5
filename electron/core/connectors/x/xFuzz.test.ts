import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { BRAND_USER, seedDms, seedMentions } from './contract/xContractData';
import { normaliseDm, normaliseMention, usersById, type XBrand } from './normaliseX';

// X posts and DM events as the contract server serves them (the reference's shapes), through
// the shared connector fuzz (FUZZ_SEED=n replays a run).

const NEWEST = Date.parse('2026-12-05T12:00:00.000Z');
const { posts, users } = seedMentions(10, NEWEST, 60_000);
const DMS = seedDms(4, NEWEST, 60_000);
const ORIGINALS: readonly unknown[] = [...posts, ...DMS];
const brand: XBrand = { userId: BRAND_USER.id, username: BRAND_USER.username };
const known = usersById(users);

describeConnectorFuzz({
  name: 'X',
  platform: 'x',
  externalId: BRAND_USER.id,
  normalise: (index, mutate) => {
    const original = ORIGINALS[index % ORIGINALS.length];
    return [DMS.includes(original as never) ? normaliseDm(mutate(original), known, brand) : normaliseMention(mutate(original), known, new Map(), brand)];
  },
});
