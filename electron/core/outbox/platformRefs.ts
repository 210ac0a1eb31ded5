import type { PlatformRef } from '../connectors/connector';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

/**
 * A stored `platform_ref` as the connector gave it. The column only holds valid JSON; anything
 * but an object (a connector's bug) is handed back as no reference rather than stopping the send.
 */
export function parsePlatformRef(json: string | null): PlatformRef {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** What a moderation request needs besides its payload: the message's reference and what undoing a block needs. */
export type ModerationRefs = { messageRef: PlatformRef; undoRef: string | null };

/** Read when the action is sent, not when it was queued: an unblock finds the block record made since. */
export function moderationRefsOf(db: Db, messageSeq: number): ModerationRefs {
  const row = cachedStatement<[number], { platform_ref: string | null; block_ref: string | null }>(
    db,
    'SELECT m.platform_ref, ct.block_ref FROM messages m JOIN contacts ct ON ct.seq = m.contact_seq WHERE m.seq = ?',
  ).get(messageSeq);
  return { messageRef: parsePlatformRef(row?.platform_ref ?? null), undoRef: row?.block_ref ?? null };
}
