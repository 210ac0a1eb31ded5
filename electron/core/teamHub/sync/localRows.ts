import type { Db } from '../../store/database';
import { cachedStatement } from '../../store/statementCache';
import { newId } from '../../ids';
import { UnappliableChange } from './applier';
import type { contactValue } from './changeValues';
import type { z } from 'zod';

/*
 * Plucked statements here alias their column: cachedStatement shares a statement by its SQL
 * text, and pluck() changes it for every caller of the same text (noteStore reads rows).
 */

/** The local seq of the row with this text id; UnappliableChange when this desktop has none. */
export function seqOf(db: Db, table: 'accounts' | 'conversations' | 'people' | 'templates' | 'outbox', id: string, what: string): number {
  const seq = cachedStatement<[string], number>(db, `SELECT seq AS local_seq FROM ${table} WHERE id = ?`).pluck().get(id);
  if (seq === undefined) throw new UnappliableChange(`No ${what} ${id} here.`);
  return seq;
}

export const personSeqOrNull = (db: Db, id: string | null): number | null =>
  id === null ? null : (cachedStatement<[string], number>(db, 'SELECT seq AS person_seq FROM people WHERE id = ?').pluck().get(id) ?? null);

/** The contact by its platform's id, added when new (ingest's own identity for contacts). */
export function ensureContact(db: Db, contact: z.infer<typeof contactValue>, now: number): number {
  const existing = cachedStatement<[string, string], number>(db, 'SELECT seq AS contact_seq FROM contacts WHERE platform = ? AND external_id = ?').pluck().get(contact.platform, contact.externalId);
  if (existing !== undefined) return existing;
  return Number(
    cachedStatement(
      db,
      `INSERT INTO contacts (id, platform, external_id, handle, name, avatar_url, follower_count, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(newId(), contact.platform, contact.externalId, contact.handle, contact.name, contact.avatarUrl, contact.followerCount, contact.firstSeenAt, now).lastInsertRowid,
  );
}

/** ASCII-only lowering, as SQLite's lower() and NOCASE do: the capture triggers key tags with it. */
export const lowerAscii = (text: string) => text.replace(/[A-Z]/gu, (letter) => letter.toLowerCase());
