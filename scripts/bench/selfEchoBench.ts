import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggedChange } from '../../electron/core/hub/changeLog';
import { newId } from '../../electron/core/ids';
import { openDatabase } from '../../electron/core/store/database';
import { applyPulled } from '../../electron/core/teamHub/sync/applyPulled';
import { nextOutgoing } from '../../electron/core/teamHub/sync/outgoingQueue';
import { recordPushedFields } from '../../electron/core/teamHub/sync/pushedFields';
import { startCapture } from '../../electron/core/teamHub/sync/startCapture';
import { addAccount, addConversation } from '../../electron/core/teamHub/sync/testing/syncDesktop';

/**
 * What this desktop's own changes cost when the hub sends them back (#14, self-echo):
 * `tsx scripts/bench/selfEchoBench.ts [messages] [rounds]`. A desktop on a real SQLite file with
 * capture on ingests messages on 500 conversations (each message an append; every tenth message
 * its conversation's status changes, a field), then the queue, logged as the hub would log it, is
 * pulled back: applied again whole (as before), and skipped as TeamSync does now (fields recorded
 * when pushed, counted in). CPU µs a change, each round, the two in turns so a loaded machine
 * hits them alike. No hub needed: the pull's PostgreSQL part is the same either way.
 */
const messages = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const CONVERSATIONS = 500;

const dir = mkdtempSync(join(tmpdir(), 'pieuvre-self-echo-'));
const db = openDatabase(join(dir, 'pieuvre.db'));
const desktopId = newId();
startCapture(db, { desktopId, now: Date.now });
const accountId = addAccount(db);
const conversationIds = Array.from({ length: CONVERSATIONS }, (_, index) => addConversation(db, accountId, `thread-${index}`));
const insertMessage = db.prepare(
  `INSERT INTO messages (conversation_seq, account_seq, external_id, direction, contact_seq, author_label, text, created_at, received_at)
   SELECT seq, account_seq, ?, 'in', contact_seq, 'Éloïse', ?, ?, ? FROM conversations WHERE id = ?`,
);
const setStatus = db.prepare('UPDATE conversations SET status = ? WHERE id = ?');
db.transaction(() => {
  for (let index = 0; index < messages; index += 1) {
    const conversationId = conversationIds[index % CONVERSATIONS] as string;
    insertMessage.run(`status-${index}`, `Ma commande n° ${index} n’est jamais arrivée`, 100 + index, 100 + index, conversationId);
    if (index % 10 === 0) setStatus.run(Math.floor(index / CONVERSATIONS) % 2 === 0 ? 'done' : 'open', conversationId);
  }
})();
const pushed = nextOutgoing(db, 1_000_000);
const logged: LoggedChange[] = pushed.map((change, index) => ({ ...change, seq: index + 1, desktopId, authorRole: 'pieuvre_me', receivedAt: 0 }));
db.exec('DELETE FROM hub_outgoing');
const fields = logged.filter((change) => change.field !== 'created').length;

function cpuMicros(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

console.log(`${logged.length} own changes pulled back (${logged.length - fields} creations and appends, ${fields} fields)`);
for (let round = 1; round <= rounds; round += 1) {
  db.exec('DELETE FROM hub_field_versions');
  const again = cpuMicros(() => applyPulled(db, logged, Date.now()));
  db.exec('DELETE FROM hub_field_versions');
  const skipped = cpuMicros(() => {
    db.transaction(() => recordPushedFields(db, pushed, logged, desktopId))();
    applyPulled(db, logged, Date.now(), desktopId);
  });
  console.log(`round ${round}: applied again ${(again / logged.length).toFixed(1)} µs a change, skipped ${(skipped / logged.length).toFixed(1)} µs a change`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
