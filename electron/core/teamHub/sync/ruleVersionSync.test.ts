import { describe, expect, it } from 'vitest';
import { usePrivatePostgres } from '../../hub/testing/usePrivatePostgres';
import type { RuleDefinition } from '../../../../shared/rules/ruleSchema';
import { insertRule, ruleVersions, saveDefinition } from '../../rules/ruleStore';
import type { Db } from '../../store/database';
import { newSyncTeam } from './testing/syncTeam';
import { syncedState } from './testing/syncDesktop';

const postgres = usePrivatePostgres();

const refunds = (words: string[], isEnabled = true): RuleDefinition => ({
  name: 'Remboursements',
  isEnabled,
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: words, negate: false }] },
  actions: [{ type: 'addTag', tag: 'remboursement' }],
  stopProcessing: false,
});

const ruleSeq = (db: Db, id: string) => db.prepare('SELECT seq FROM rules WHERE id = ?').pluck().get(id) as number;

describe('a rule’s history across desktops', () => {
  it('shows on a teammate’s desktop every version saved on another, in order, with when each was saved', async () => {
    const team = await newSyncTeam(postgres.cluster, 2);
    postgres.cleanups.push(team.close);
    const [julie, marc] = team.desktops as [(typeof team.desktops)[0], (typeof team.desktops)[0]];
    const id = insertRule(julie.db, refunds(['remboursement']), 0, 1_000);
    const seq = ruleSeq(julie.db, id);
    saveDefinition(julie.db, seq, refunds(['remboursement', 'rembourser']), 2_000);
    saveDefinition(julie.db, seq, refunds(['remboursement', 'rembourser', 'refund'], false), 3_000);
    await julie.sync.syncNow();
    await marc.sync.syncNow();

    const history = ruleVersions(marc.db, ruleSeq(marc.db, id));
    expect(history.map(({ version, savedAt }) => [version, savedAt])).toEqual([[3, 3_000], [2, 2_000], [1, 1_000]]);
    expect(history).toEqual(ruleVersions(julie.db, seq));
    expect(history[1]?.definition).toEqual(refunds(['remboursement', 'rembourser']));

    // Marc edits the rule in turn: Julie's history gets his version after hers.
    saveDefinition(marc.db, ruleSeq(marc.db, id), refunds(['refund']), 4_000);
    await marc.sync.syncNow();
    await julie.sync.syncNow();
    expect(ruleVersions(julie.db, seq).map(({ version }) => version)).toEqual([4, 3, 2, 1]);
    expect(syncedState(julie.db)).toEqual(syncedState(marc.db));
  });

  it('settles a version saved on two desktops apart on the one later in server order, everywhere', async () => {
    const team = await newSyncTeam(postgres.cluster, 2);
    postgres.cleanups.push(team.close);
    const [julie, marc] = team.desktops as [(typeof team.desktops)[0], (typeof team.desktops)[0]];
    const crisisSeq = (db: Db) => db.prepare("SELECT seq FROM rules WHERE built_in = 'crisis'").pluck().get() as number;
    const crisis = (db: Db) => ruleVersions(db, crisisSeq(db))[0]?.definition as RuleDefinition;
    saveDefinition(julie.db, crisisSeq(julie.db), { ...crisis(julie.db), name: 'Crise (Julie)' }, 2_000);
    saveDefinition(marc.db, crisisSeq(marc.db), { ...crisis(marc.db), name: 'Crise (Marc)' }, 2_500);
    await julie.sync.syncNow();
    await marc.sync.syncNow();
    await julie.sync.syncNow();

    for (const desktop of [julie, marc]) {
      expect(ruleVersions(desktop.db, crisisSeq(desktop.db)).map(({ version, definition }) => [version, definition.name])).toEqual([[2, 'Crise (Marc)'], [1, expect.any(String)]]);
    }
    expect(syncedState(julie.db)).toEqual(syncedState(marc.db));
  });

  it('never saves a new version over one in the history, when a teammate’s later version came first and lost to an earlier one', async () => {
    const team = await newSyncTeam(postgres.cluster, 2);
    postgres.cleanups.push(team.close);
    const [julie, marc] = team.desktops as [(typeof team.desktops)[0], (typeof team.desktops)[0]];
    const spamSeq = (db: Db) => db.prepare("SELECT seq FROM rules WHERE built_in = 'spam'").pluck().get() as number;
    const save = (db: Db, name: string, at: number) => saveDefinition(db, spamSeq(db), { ...(ruleVersions(db, spamSeq(db))[0]?.definition as RuleDefinition), name }, at);
    save(marc.db, 'Pourriel (Marc)', 2_000);
    save(marc.db, 'Pourriel (Marc, encore)', 2_500);
    save(julie.db, 'Pourriel (Julie)', 3_000);
    await marc.sync.syncNow();
    await julie.sync.syncNow();
    await marc.sync.syncNow();
    // Julie's version 2 came last: the rule is hers, Marc's version 3 stays in the history.
    expect(marc.db.prepare("SELECT name, version FROM rules WHERE built_in = 'spam'").get()).toEqual({ name: 'Pourriel (Julie)', version: 2 });

    save(marc.db, 'Pourriel (Marc, après)', 4_000);
    await marc.sync.syncNow();
    await julie.sync.syncNow();
    for (const desktop of [julie, marc]) {
      expect(ruleVersions(desktop.db, spamSeq(desktop.db)).map(({ version, definition }) => [version, definition.name])).toEqual([
        [4, 'Pourriel (Marc, après)'],
        [3, 'Pourriel (Marc, encore)'],
        [2, 'Pourriel (Julie)'],
        [1, expect.any(String)],
      ]);
    }
    expect(syncedState(julie.db)).toEqual(syncedState(marc.db));
  });
});
