import type { Message } from '../../../shared/domain/entities';
import type { Db } from './database';
import { MESSAGE_COLUMNS, MESSAGE_JOINS, toMessage, type MessageRow } from './rows';
import { cachedStatement } from './statementCache';

/** One message by its key, as the API shows it (with who sent it); null if there is none. */
export function messageBySeq(db: Db, seq: number): Message | null {
  const row = cachedStatement<[number], MessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM messages m ${MESSAGE_JOINS} WHERE m.seq = ?`).get(seq);
  return row ? toMessage(row) : null;
}
