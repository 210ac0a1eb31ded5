import { z } from 'zod';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { describeIssues } from '../../../../shared/api/describeIssues';
import { attachmentsOf } from './blueskyAttachments';

/** A chat message's id in Pieuvre: message ids are the chat service's, kept with their conversation's. */
export const dmExternalId = (convoId: string, messageId: string): string => `${convoId}/${messageId}`;

const HTTP_URL = /^https?:\/\//i;

export const profileSchema = z.object({ did: z.string().startsWith('did:'), handle: z.string(), displayName: z.string().optional(), avatar: z.string().optional() });
export type ChatProfile = z.output<typeof profileSchema>;

/** chat.bsky.convo.defs#messageView, the parts Pieuvre reads. */
export const messageViewSchema = z
  .object({ id: z.string().min(1), rev: z.string(), text: z.string(), sender: z.object({ did: z.string().startsWith('did:') }), sentAt: z.string() })
  .passthrough();
export type MessageView = z.output<typeof messageViewSchema>;

/**
 * The inbox item of one chat message from someone else: a DM in the conversation of its convo.
 * A message that cannot be read is rejected with why; the brand's own messages are not items.
 */
export function dmItem(convoId: string, raw: unknown, brandDid: string, profiles: ReadonlyMap<string, ChatProfile>): { item: IncomingItemInput } | { rejected: string } | null {
  const parsed = messageViewSchema.safeParse(raw);
  if (!parsed.success) return { rejected: `bluesky chat message: ${describeIssues(parsed.error)}` };
  const message = parsed.data;
  if (message.sender.did === brandDid) return null;
  const sentAt = Date.parse(message.sentAt);
  if (!Number.isFinite(sentAt) || sentAt < 0) return { rejected: 'bluesky chat message: sentAt is not a date' };
  const profile = profiles.get(message.sender.did);
  return {
    item: {
      platform: 'bluesky',
      kind: 'dm',
      externalId: dmExternalId(convoId, message.id),
      threadExternalId: convoId,
      author: {
        externalId: message.sender.did,
        handle: profile?.handle ?? message.sender.did,
        name: profile?.displayName?.trim() || profile?.handle || message.sender.did,
        avatarUrl: profile?.avatar && HTTP_URL.test(profile.avatar) ? profile.avatar : null,
      },
      text: message.text,
      createdAt: sentAt,
      ref: { convoId, messageId: message.id },
      attachments: attachmentsOf(message, message.sender.did),
    },
  };
}
