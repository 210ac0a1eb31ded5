import type { Attachment, IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { notificationSchema, statusSchema, type MastodonAccount, type MastodonStatus } from './mastodonEntities';
import type { MastodonRef } from './mastodonRef';
import { htmlToText } from './htmlToText';
import { qualifiedAcct } from './qualifiedAcct';

/** Who the brand is on its server: its id there (replies to it), its `name@host` and its server's host. */
export type MastodonBrand = { localId: string; handle: string; host: string };

/** Enough for any real conversation; a status mentioning more is a mass mention, answered to the first ones. */
const MENTIONS_KEPT = 12;

export type Normalised =
  | { outcome: 'item'; item: IncomingItemInput; ref: MastodonRef }
  | { outcome: 'skipped' }
  | { outcome: 'rejected'; reason: string };

/**
 * One notification as an inbox item. Only mentions are messages (favourites, boosts and follows
 * are not, and snac ignores `types[]`); a payload that cannot be read is rejected with why, for
 * the quarantine. `threadOf` gives the thread of a status already filed, by its id on the server.
 */
export function normaliseNotification(payload: unknown, brand: MastodonBrand, threadOf: (statusId: string) => string | undefined): Normalised {
  const notification = notificationSchema.safeParse(payload);
  if (!notification.success) return { outcome: 'rejected', reason: `notification: ${describeIssues(notification.error)}` };
  if (notification.data.type !== 'mention') return { outcome: 'skipped' };
  if (notification.data.status == null) return { outcome: 'rejected', reason: 'a mention without its status' };
  return normaliseStatus(notification.data.status, brand, threadOf);
}

export function normaliseStatus(payload: unknown, brand: MastodonBrand, threadOf: (statusId: string) => string | undefined): Normalised {
  const parsed = statusSchema.safeParse(payload);
  if (!parsed.success) return { outcome: 'rejected', reason: `status: ${describeIssues(parsed.error)}` };
  const status = parsed.data;
  const createdAt = Date.parse(status.created_at);
  if (!Number.isFinite(createdAt) || createdAt < 0) return { outcome: 'rejected', reason: `status: created_at is not a date (${status.created_at.slice(0, 40)})` };
  const editedAt = status.edited_at === null ? null : Date.parse(status.edited_at);
  const author = accountOf(status.account, brand.host);
  const mentions = status.mentions.map((mention) => qualifiedAcct(mention.acct, brand.host));
  // The ref must stay small (ingest caps it at 2 KB of JSON): a reply mentions the first ones.
  const keptMentions = [...new Set(mentions)].filter((acct) => acct.length <= 100).slice(0, MENTIONS_KEPT);
  const isDirect = status.visibility === 'direct';
  const thread = isDirect ? directThread(author.handle, mentions, brand) : mentionThread(status, brand, threadOf);
  const ref: MastodonRef = {
    id: status.id,
    uri: status.uri,
    accountId: status.account.id,
    author: author.handle,
    visibility: status.visibility,
    mentions: keptMentions,
    editedAt: editedAt !== null && Number.isFinite(editedAt) ? editedAt : null,
    thread,
  };
  const item: IncomingItemInput = {
    platform: 'mastodon',
    kind: isDirect ? 'dm' : 'mention',
    direction: status.account.id === brand.localId ? 'out' : 'in',
    externalId: statusExternalId(status),
    threadExternalId: thread,
    author,
    text: statusText(status),
    createdAt,
    permalink: webAddress(status.url) ?? webAddress(status.uri),
    language: primaryLanguage(status.language),
    ref,
    attachments: attachmentsOf(status),
    editedAt: ref.editedAt,
  };
  return { outcome: 'item', item, ref };
}

/** The status's `uri`: global and, unlike snac's `id`, the same after an edit. */
export const statusExternalId = (status: Pick<MastodonStatus, 'id' | 'uri'>): string => status.uri ?? status.id;

/** A content warning stays in front of what it warns about, as every Mastodon app shows it. */
export function statusText(status: Pick<MastodonStatus, 'content' | 'spoiler_text'>): string {
  const content = htmlToText(status.content);
  return status.spoiler_text ? `${status.spoiler_text}\n\n${content}` : content;
}

function accountOf(account: MastodonAccount, host: string) {
  const handle = qualifiedAcct(account.acct, host);
  return {
    // Global: the account's ActivityPub id, else its profile page, else name@host (never its id on this server).
    externalId: account.uri ?? account.url ?? handle,
    handle,
    name: account.display_name || account.username || handle,
    avatarUrl: webAddress(account.avatar),
    followerCount: typeof account.followers_count === 'number' && Number.isInteger(account.followers_count) && account.followers_count >= 0 ? account.followers_count : null,
  };
}

/**
 * A private conversation is the people in it: Mastodon's conversation ids are per thread and
 * `/api/v1/conversations` names only each one's last status (older statuses of a conversation
 * could not be matched to it without a call per status), while everyone in a direct status is
 * mentioned in it, on every server. The same people, the same conversation.
 */
function directThread(authorHandle: string, mentions: readonly string[], brand: MastodonBrand): string {
  const people = new Set([authorHandle, ...mentions].map((acct) => acct.toLowerCase()));
  // Without the brand: its answer and the message answered fall in the same conversation.
  people.delete(brand.handle.toLowerCase());
  return `dm:${[...people].sort().join(',')}`;
}

/**
 * A mention joins the thread of the status it answers when that one is filed (the chain's root),
 * else the conversation of the brand's own status it answers, else starts its own.
 */
function mentionThread(status: MastodonStatus, brand: MastodonBrand, threadOf: (statusId: string) => string | undefined): string {
  const parent = status.in_reply_to_id;
  if (parent !== null) {
    const known = threadOf(parent);
    if (known !== undefined) return known;
    if (status.in_reply_to_account_id === brand.localId) return `reply-to:${parent}`;
  }
  return statusExternalId(status);
}

function attachmentsOf(status: MastodonStatus): Attachment[] {
  const media = status.media_attachments.flatMap((attachment): Attachment[] => {
    const url = webAddress(attachment.url) ?? webAddress(attachment.remote_url);
    if (url === null) return [];
    const kind = attachment.type === 'image' || attachment.type === 'gifv' ? 'image' : attachment.type === 'video' ? 'video' : 'link';
    return [{ kind, url, alt: attachment.description?.slice(0, 2_000) ?? null }];
  });
  const card = status.card && webAddress(status.card.url);
  const links: Attachment[] = card ? [{ kind: 'link', url: card, alt: status.card?.title?.slice(0, 2_000) || null }] : [];
  return [...media, ...links].slice(0, 20);
}

function webAddress(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.length <= 4096 && /^https?:\/\/[^\s/?#]+\S*$/i.test(value) ? value : null;
}

/** `fr-CA` → `fr`; anything that is not a language tag → unknown. */
function primaryLanguage(language: string | null): string | null {
  const primary = language?.split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
