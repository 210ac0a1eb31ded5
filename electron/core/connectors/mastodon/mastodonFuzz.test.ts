import { describeConnectorFuzz } from '../../testing/connectorFuzz';
import { normaliseNotification, type MastodonBrand } from './normaliseNotification';
import { BRAND, DIRECT_WITH_MEDIA, mention } from './recorded/mastodonPayloads';
import snacNotifications from './recorded/snacNotifications.json';

// Real notifications (snac2's as it sent them, Mastodon's recorded) through the shared
// connector fuzz (FUZZ_SEED=n replays a run).

const ORIGINALS: readonly unknown[] = [...snacNotifications, DIRECT_WITH_MEDIA, mention('4000', '113500000000000004', { in_reply_to_id: '113500000000000001', in_reply_to_account_id: BRAND.id, spoiler_text: 'Plainte' })];
const brand: MastodonBrand = { localId: BRAND.id, handle: 'brulerie@mastodon.example', host: 'mastodon.example' };

describeConnectorFuzz({
  name: 'Mastodon',
  platform: 'mastodon',
  externalId: BRAND.uri,
  normalise: (index, mutate) => [normaliseNotification(mutate(ORIGINALS[index % ORIGINALS.length]), brand, () => undefined)],
});
