/**
 * A desktop in its own process for the crash test (pushKill.test.ts): `DB_PATH MODE`, the hub
 * membership as JSON in PIEUVRE_TEST_MEMBER. MODE `kill`: makes 40 conversations with a note
 * each (the first time), pushes, and is killed with SIGKILL once the hub has answered but
 * before the queue is cleared. MODE `resume`: syncs once and prints `done`.
 */
import { HubClient } from '../../../hub/hubClient';
import { hubMemberSchema } from '../../../hub/hubInputs';
import { conversationSeqOf, insertNote } from '../../../notes/noteStore';
import { openDatabase } from '../../../store/database';
import { memoryLog } from '../../../testing/memoryLog';
import { startCapture } from '../startCapture';
import { TeamSync } from '../teamSync';
import { addAccount, addConversation } from './syncDesktop';

const [dbPath = '', mode = 'resume'] = process.argv.slice(2);
const member = hubMemberSchema.parse(JSON.parse(process.env['PIEUVRE_TEST_MEMBER'] ?? '{}'));

const db = openDatabase(dbPath);
startCapture(db, { desktopId: member.desktopId, now: Date.now });
const isFirstRun = (db.prepare('SELECT count(*) AS n FROM conversations').get() as { n: number }).n === 0;
if (mode === 'kill' && isFirstRun) {
  const accountId = addAccount(db);
  for (let index = 0; index < 40; index += 1) {
    const conversationId = addConversation(db, accountId, `thread-${index}`);
    insertNote(db, { conversationSeq: conversationSeqOf(db, conversationId), kind: 'note', text: `Note ${index}`, authorId: '', authorName: 'Julie', mentions: [] }, 1);
  }
}
const client = await HubClient.connect(member);
const sync = new TeamSync({
  db,
  client: {
    push: async (changes) => {
      const logged = await client.push(changes);
      if (mode === 'kill') process.kill(process.pid, 'SIGKILL');
      return logged;
    },
    pull: (afterSeq, limit) => client.pull(afterSeq, limit),
    desktopId: client.desktopId,
    listen: (onChange, onState) => client.listen(onChange, onState),
  },
  clock: Date.now,
  log: memoryLog().log,
  onApplied: () => {},
  onAlsoAssigned: () => {},
  onStats: () => {},
});
await sync.syncNow();
await client.close();
db.close();
process.stdout.write('done\n');
