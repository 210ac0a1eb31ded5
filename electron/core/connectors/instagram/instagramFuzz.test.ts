import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { BRAND } from './contract/instagramWorld';
import type { InstagramMedia } from './instagramEntities';
import { normaliseComment, normaliseMessage, type InstagramBrand } from './normaliseInstagram';

// Instagram payloads as the reference's examples write them (a comment with its expanded
// replies, a DM), through the shared connector fuzz (FUZZ_SEED=n replays a run).

const brand: InstagramBrand = { userId: BRAND.userId, username: BRAND.username };
const media: InstagramMedia = { id: '17895695668004550', caption: 'Nouveau torréfié ☕ https://brulerie.example', permalink: 'https://www.instagram.com/p/C1a2b3c4/', timestamp: '2026-12-01T18:10:30+0000', comments_count: 3 };
const COMMENT = {
  id: '17873440459141021',
  text: 'I love this! 😍 https://example.com',
  timestamp: '2026-12-04T18:10:30+0000',
  from: { id: '6000000000000001', username: 'marie.tremblay' },
  username: 'marie.tremblay',
  hidden: false,
  like_count: 2,
  replies: { data: [{ id: '17870913679156914', text: '@marie.tremblay merci!', timestamp: '2026-12-04T19:16:02+0000', from: { id: BRAND.userId, username: BRAND.username }, username: BRAND.username, hidden: false, parent_id: '17873440459141021', like_count: 0 }] },
};
const MESSAGE = { id: 'aWdfZAG1faWQ6MTpJR01lc3NhZA', created_time: '2026-12-04T20:00:00+0000', from: { id: '6000000000000001', username: 'marie.tremblay' }, to: { data: [{ id: BRAND.userId, username: BRAND.username }] }, message: 'Allô, ma commande #123 est en retard?' };

describeConnectorFuzz({
  name: 'Instagram',
  platform: 'instagram',
  externalId: BRAND.userId,
  normalise: (index, mutate) => (index % 2 === 0 ? normaliseComment(mutate(COMMENT), media, brand).results : [normaliseMessage(mutate(MESSAGE), 'aWdfZAGlconv1', brand)]),
});
