import { startPrivatePostgres } from '../../electron/core/hub/testing/privatePostgres';
import { addAccount, addConversation } from '../../electron/core/teamHub/sync/testing/syncDesktop';
import { newSyncTeam, until } from '../../electron/core/teamHub/sync/testing/syncTeam';

/**
 * `team_converge_p95_ms`: 10 desktops on loopback, each with its own SQLite file, syncing through
 * a private PostgreSQL by LISTEN/NOTIFY as the app does. Each sample changes a conversation's
 * status on one desktop (in turn) and times until the 9 others have applied it. Prints
 * `{p95Ms, samples}` as its last line.
 */
const samples = Number(process.argv[2]);
const DESKTOPS = 10;
const STATUSES = ['done', 'open', 'spam'] as const;

const cluster = await startPrivatePostgres();
try {
  const team = await newSyncTeam(cluster, DESKTOPS);
  const [owner] = team.desktops;
  if (!owner) throw new Error('No desktop.');
  const conversationId = addConversation(owner.db, addAccount(owner.db), 'thread-bench');
  for (const desktop of team.desktops) desktop.sync.start();
  const statusOn = (index: number) => team.desktops[index]?.db.prepare('SELECT status FROM conversations WHERE id = ?').pluck().get(conversationId);
  await until(() => team.desktops.every((_, index) => statusOn(index) === 'open'), 30_000);
  const times: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    const from = sample % DESKTOPS;
    const status = STATUSES[sample % STATUSES.length] as (typeof STATUSES)[number];
    const others = team.desktops.map((_, index) => index).filter((index) => index !== from);
    const started = performance.now();
    team.desktops[from]?.db.prepare('UPDATE conversations SET status = ? WHERE id = ?').run(status, conversationId);
    await new Promise<void>((resolve) => {
      const check = () => (others.every((index) => statusOn(index) === status) ? resolve() : setTimeout(check, 1));
      check();
    });
    times.push(performance.now() - started);
  }
  await team.close();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(JSON.stringify({ p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0, samples }));
} finally {
  cluster.stop();
}
