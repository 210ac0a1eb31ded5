import type { RejectedItem } from '../../../shared/api/rejected';
import type { Platform } from '../../../shared/domain/platform';
import { REJECTED_RETENTION_DEFAULT_DAYS } from '../../../shared/api/data';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type RejectedRow = {
  id: string;
  account_id: string | null;
  account_name: string | null;
  platform: string | null;
  source: string;
  reason: string;
  rejected_at: number;
  payload: string;
  payload_size: number;
  payload_sha256: string;
};

const DAY_MS = 86_400_000;

const toRejectedItem = (row: RejectedRow): RejectedItem => ({
  id: row.id,
  account: row.account_id !== null && row.account_name !== null ? { id: row.account_id, name: row.account_name, platform: row.platform as Platform } : null,
  source: row.source,
  reason: row.reason,
  rejectedAt: row.rejected_at,
  payloadSize: row.payload_size,
  payloadSha256: row.payload_sha256,
  payloadHead: row.payload,
  isTruncated: Buffer.byteLength(row.payload) < row.payload_size,
});

/** The quarantine newest first, all accounts or one. */
export function listRejected(db: Db, query: { accountId?: string | undefined; limit: number }): RejectedItem[] {
  const rows = cachedStatement<[string | null, string | null, number], RejectedRow>(
    db,
    `SELECT r.id, r.account_id, a.name AS account_name, a.platform, r.source, r.reason, r.rejected_at, r.payload, r.payload_size, r.payload_sha256
     FROM rejected_items r LEFT JOIN accounts a ON a.id = r.account_id
     WHERE ? IS NULL OR r.account_id = ?
     ORDER BY r.rejected_at DESC, r.id DESC LIMIT ?`,
  ).all(query.accountId ?? null, query.accountId ?? null, query.limit);
  return rows.map(toRejectedItem);
}

/** Deletes quarantined items older than the retention setting; returns how many went. */
export function pruneRejected(db: Db, now: number): number {
  const cutoff = now - rejectedRetentionDays(db) * DAY_MS;
  return cachedStatement<[number]>(db, 'DELETE FROM rejected_items WHERE rejected_at < ?').run(cutoff).changes;
}

export function rejectedRetentionDays(db: Db): number {
  return cachedStatement<[], number>(db, 'SELECT rejected_retention_days FROM data_settings WHERE id = 1').pluck().get() ?? REJECTED_RETENTION_DEFAULT_DAYS;
}

export function setRejectedRetentionDays(db: Db, days: number): void {
  cachedStatement<[number]>(db, 'UPDATE data_settings SET rejected_retention_days = ? WHERE id = 1').run(days);
}
