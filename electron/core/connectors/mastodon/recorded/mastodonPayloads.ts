/**
 * Mastodon 4.3 responses for what snac2 cannot show (a real `direct` visibility, media and link
 * cards, edits, the v2 instance, Link-header pages, rate limits), shaped field for field on the
 * examples of docs.joinmastodon.org (entities Notification, Status, Account, Instance).
 */

export const BRAND = {
  id: '109302',
  username: 'brulerie',
  acct: 'brulerie',
  display_name: 'Brûlerie Castor',
  uri: 'https://mastodon.example/users/brulerie',
  url: 'https://mastodon.example/@brulerie',
  avatar: 'https://files.mastodon.example/accounts/avatars/109/302/original/castor.png',
  followers_count: 1204,
};

export const BOB = {
  id: '110845',
  username: 'bob',
  acct: 'bob@other.example',
  display_name: 'Bob Tremblay',
  uri: 'https://other.example/users/bob',
  url: 'https://other.example/@bob',
  avatar: 'https://files.mastodon.example/cache/accounts/avatars/110/845/original/bob.jpg',
  followers_count: 87,
};

export const CAROL = { id: '120001', username: 'carol', acct: 'carol', display_name: 'Carol', uri: 'https://mastodon.example/users/carol', url: 'https://mastodon.example/@carol' };

export function status(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    created_at: '2026-12-01T14:03:11.000Z',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'fr',
    uri: `https://other.example/users/bob/statuses/${id}`,
    url: `https://other.example/@bob/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: '<p><span class="h-card" translate="no"><a href="https://mastodon.example/@brulerie" class="u-url mention">@<span>brulerie</span></a></span> Êtes-vous ouverts dimanche&nbsp;? C&#39;est pour 12 personnes &amp; un chien.</p><p>Merci!</p>',
    reblog: null,
    account: BOB,
    media_attachments: [],
    mentions: [{ id: BRAND.id, username: 'brulerie', url: BRAND.url, acct: 'brulerie' }],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    ...overrides,
  };
}

export function mention(notificationId: string, statusId: string, overrides: Record<string, unknown> = {}) {
  const written = status(statusId, overrides);
  return { id: notificationId, type: 'mention', group_key: `ungrouped-${notificationId}`, created_at: written.created_at, account: BOB, status: written };
}

export const DIRECT_WITH_MEDIA = mention('3001', '113500000000000001', {
  visibility: 'direct',
  content: '<p><span class="h-card"><a href="https://mastodon.example/@brulerie" class="u-url mention">@<span>brulerie</span></a></span> <span class="h-card"><a href="https://mastodon.example/@carol" class="u-url mention">@<span>carol</span></a></span> Ma commande 4412 est arrivée brisée.</p>',
  mentions: [
    { id: BRAND.id, username: 'brulerie', url: BRAND.url, acct: 'brulerie' },
    { id: CAROL.id, username: 'carol', url: CAROL.url, acct: 'carol' },
  ],
  media_attachments: [
    { id: '22345792', type: 'image', url: 'https://files.mastodon.example/media_attachments/files/022/345/792/original/tasse.jpg', preview_url: 'https://files.mastodon.example/media_attachments/files/022/345/792/small/tasse.jpg', remote_url: null, description: 'Une tasse fêlée' },
  ],
  card: { url: 'https://commandes.example/4412', title: 'Commande 4412', description: '', type: 'link' },
});

export const INSTANCE_V2 = {
  domain: 'mastodon.example',
  title: 'Mastodon Example',
  version: '4.3.2',
  source_url: 'https://github.com/mastodon/mastodon',
  configuration: { urls: { streaming: 'wss://mastodon.example' }, statuses: { max_characters: 1000, max_media_attachments: 4, characters_reserved_per_url: 23 } },
};

export const REPORT = { id: '48914', action_taken: false, category: 'spam', comment: 'Liens frauduleux', forwarded: false, status_ids: ['113500000000000002'], rule_ids: null, target_account: BOB };

export const RELATIONSHIP = { id: BOB.id, following: false, blocking: false, muting: true, muting_notifications: true, requested: false, domain_blocking: false, endorsed: false, note: '' };
