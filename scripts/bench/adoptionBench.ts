import { prepareActivityWriter } from '../../electron/core/store/activity';
import { applyPulled } from '../../electron/core/teamHub/sync/applyPulled';
import { nextOutgoing } from '../../electron/core/teamHub/sync/outgoingQueue';
import { addAccount, addConversation, newSyncDesktop, type SyncDesktop } from '../../electron/core/teamHub/sync/testing/syncDesktop';

/**
 * Two desktops that ingested the same account before joining a team: N threads on each, five
 * history lines on each of Marc's copies, then Marc pulls Julie's N conversations and adopts
 * her ids for all of his (adoptCreation). Prints how long that one pull took, with the sizes of
 * his history and of his queue: a pass over either per conversation makes it grow with N².
 * `node --import tsx scripts/bench/adoptionBench.ts N`.
 */
const count = Number(process.argv[2] ?? 2_000);
const julie = newSyncDesktop();
const marc = newSyncDesktop();
let seq = 0;
/** What a desktop queued, as the hub's log would hand it on; its queue then empties. */
const push = (from: SyncDesktop) => {
  const logged = nextOutgoing(from.db, 10_000_000).map((change) => ({ ...change, seq: ++seq, desktopId: from.desktopId, authorRole: 'pieuvre_0123456789abcdef', receivedAt: 0 }));
  from.db.exec('DELETE FROM hub_outgoing');
  return logged;
};
const accountId = addAccount(julie.db);
applyPulled(marc.db, push(julie), 1_000, marc.desktopId);
julie.db.transaction(() => {
  for (let index = 0; index < count; index++) addConversation(julie.db, accountId, `thread-${index}`);
})();
const writeLine = prepareActivityWriter(marc.db);
marc.db.transaction(() => {
  for (let index = 0; index < count; index++) {
    const id = addConversation(marc.db, accountId, `thread-${index}`);
    for (let line = 0; line < 5; line++) writeLine({ at: line, actor: 'me', action: 'conversation.priority', subjectType: 'conversation', subjectId: id, data: { priority: 'high' } });
  }
})();
const changes = push(julie);
const queued = marc.db.prepare('SELECT count(*) FROM hub_outgoing').pluck().get();
const history = marc.db.prepare('SELECT count(*) FROM activity').pluck().get();
const started = performance.now();
applyPulled(marc.db, changes, 2_000, marc.desktopId);
const pullMs = performance.now() - started;
const adopted = marc.db.prepare('SELECT count(*) FROM hub_aliases').pluck().get();
julie.close();
marc.close();
console.log(JSON.stringify({ conversations: count, adopted, history, queued, pullMs: Math.round(pullMs), microsPerAdoption: Math.round((pullMs * 1000) / count) }));
