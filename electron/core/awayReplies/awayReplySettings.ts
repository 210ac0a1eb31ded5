import type { AwayRepliesSetup, AwayReplySettings } from '../../../shared/api/awayReplies';
import { ApiFailure } from '../../../shared/api/result';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statementCache';

type SettingsRow = { account_id: string | null; is_enabled: number; template_id: string | null; includes_comments: number };

const SETTINGS_COLUMNS = `a.id AS account_id, s.is_enabled, t.id AS template_id, s.includes_comments
  FROM away_reply_settings s LEFT JOIN accounts a ON a.seq = s.account_seq LEFT JOIN templates t ON t.seq = s.template_seq`;

const toSettings = (row: SettingsRow): AwayReplySettings => ({ isEnabled: row.is_enabled === 1, templateId: row.template_id, includesComments: row.includes_comments === 1 });

/** The workspace's default and every account's own settings, in the accounts' order. */
export function awayRepliesSetup(db: Db): AwayRepliesSetup {
  const rows = cachedStatement<[], SettingsRow>(db, `SELECT ${SETTINGS_COLUMNS}`).all();
  const own = new Map(rows.map((row) => [row.account_id, toSettings(row)]));
  const workspace = own.get(null);
  if (!workspace) throw new Error('The workspace’s default away-reply settings are missing (migration 11 makes them).');
  const accounts = cachedStatement<[], { id: string }>(db, 'SELECT id FROM accounts ORDER BY created_at, platform').all();
  return { workspace, accounts: accounts.map(({ id }) => ({ accountId: id, own: own.get(id) ?? null })) };
}

/** What an account answers outside its hours: its own settings, else the workspace's. */
export function awayReplySettingsFor(db: Db, accountId: string): AwayReplySettings {
  const row = cachedStatement<[string], SettingsRow>(
    db,
    // The account's own row sorts before the default (NULL) one.
    `SELECT ${SETTINGS_COLUMNS} WHERE s.account_seq IS NULL OR a.id = ? ORDER BY s.account_seq IS NULL LIMIT 1`,
  ).get(accountId);
  if (!row) throw new Error('The workspace’s default away-reply settings are missing (migration 11 makes them).');
  return toSettings(row);
}

/** Sets the default (accountId null) or an account's own settings; null settings drop the account's own. */
export function setAwayReplySettings(db: Db, accountId: string | null, settings: AwayReplySettings | null, now: number): AwayRepliesSetup {
  return db.transaction(() => {
    const accountSeq = accountId === null ? null : seqOf(db, 'accounts', accountId, () => new ApiFailure('not_found', `There is no connected account with id "${accountId}".`));
    if (settings === null) {
      db.prepare('DELETE FROM away_reply_settings WHERE account_seq = ?').run(accountSeq);
      return awayRepliesSetup(db);
    }
    const templateSeq = settings.templateId === null ? null : seqOf(db, 'templates', settings.templateId, () => new ApiFailure('invalid_input', `settings.templateId: there is no template "${settings.templateId}".`));
    const values = [settings.isEnabled ? 1 : 0, templateSeq, settings.includesComments ? 1 : 0, now] as const;
    if (accountSeq === null) {
      db.prepare('UPDATE away_reply_settings SET is_enabled = ?, template_seq = ?, includes_comments = ?, updated_at = ? WHERE account_seq IS NULL').run(...values);
    } else {
      db.prepare(
        `INSERT INTO away_reply_settings (is_enabled, template_seq, includes_comments, updated_at, account_seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account_seq) DO UPDATE SET is_enabled = excluded.is_enabled, template_seq = excluded.template_seq,
           includes_comments = excluded.includes_comments, updated_at = excluded.updated_at`,
      ).run(...values, accountSeq);
    }
    return awayRepliesSetup(db);
  })();
}

function seqOf(db: Db, table: 'accounts' | 'templates', id: string, missing: () => ApiFailure): number {
  const row = db.prepare<[string], { seq: number }>(`SELECT seq FROM ${table} WHERE id = ?`).get(id);
  if (!row) throw missing();
  return row.seq;
}
