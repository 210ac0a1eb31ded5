import type { TFunction } from 'i18next';
import { call } from '../../app/coreClient';
import { usePresenceStore, writersIn } from './presenceStore';

/** A teammate's reply this recent makes a send ask first. */
export const RECENT_REPLY_MS = 5 * 60_000;

export type Collision = { kind: 'replied'; name: string; at: number } | { kind: 'writing'; name: string };

/**
 * Whether sending now could cross a teammate's answer: one of them replied here in the last five
 * minutes (queued or sent), or is writing a reply here now. Never in a local-only inbox.
 */
export async function teammateCollision(conversationId: string, now: number): Promise<Collision | null> {
  if (!usePresenceStore.getState().isInTeam) return null;
  const replied = await call('drafts.teammateReplySince', { conversationId, since: now - RECENT_REPLY_MS });
  if (replied) return { kind: 'replied', ...replied };
  const writer = writersIn(conversationId)[0];
  return writer ? { kind: 'writing', name: writer.name } : null;
}

/** "Marc replied 2 minutes ago." / "Julie is writing a reply here right now." */
export function collisionText(t: TFunction, collision: Collision, now: number): string {
  if (collision.kind === 'writing') return t('presence.writingNow', { name: collision.name });
  const minutes = Math.floor((now - collision.at) / 60_000);
  return minutes < 1 ? t('presence.repliedJustNow', { name: collision.name }) : t('presence.replied', { name: collision.name, count: minutes });
}
