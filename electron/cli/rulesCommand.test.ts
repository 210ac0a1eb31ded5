import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleDefinitionInput } from '../../shared/rules/ruleSchema';
import { createCore } from '../core/core';
import { addAccount, commentItem } from '../core/testing/itemBuilder';
import type { RuleDryRun } from './commands/rulesCommand';
import { pieuvre as runPieuvre, SPAWNS_TIMEOUT_MS, type Run } from './testing/pieuvreProcess';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-cli-rules-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const pieuvre = (args: readonly string[]): Promise<Run> => runPieuvre(dataDir, args);
async function pieuvreJson<T>(args: readonly string[]): Promise<T> {
  const run = await pieuvre(args);
  expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as T;
}

const refund: RuleDefinitionInput = {
  name: 'Remboursements',
  isEnabled: true,
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund'] }] },
  actions: [{ type: 'addTag', tag: 'facturation' }, { type: 'markUrgent' }],
};
const late: RuleDefinitionInput = { name: 'En attente', trigger: { type: 'noReply', workingMinutes: 60 }, actions: [{ type: 'setPriority', priority: 'high' }] };

/** A rules file in the data folder; returns its path. */
function rulesFile(name: string, content: unknown): string {
  const path = join(dataDir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Three conversations from people, two of them about a refund; returns their ids by text. */
async function inboxWithRefunds(): Promise<Map<string, string>> {
  const core = createCore({ dataDir, lockAs: 'app' });
  try {
    await core.health.whenWritable();
    const accountId = addAccount(core.context.db);
    const texts = ['Je veux être remboursé', 'Refund, please', 'Le café est bon'];
    core.context.ingest({ accountId, source: 'test', items: texts.map((text, n) => commentItem({ n, text })) });
    const rows = core.context.db.prepare<[], { id: string; text: string }>('SELECT c.id, m.text FROM messages m JOIN conversations c ON c.seq = m.conversation_seq').all();
    return new Map(rows.map((row) => [row.text, row.id]));
  } finally {
    core.close();
    await core.log.close();
  }
}

describe('pieuvre rules', () => {
  it('imports a rules file (off unless --enable), lists, exports and dry-runs it', async () => {
    const ids = await inboxWithRefunds();
    const file = rulesFile('rules.json', { format: 'pieuvre-rules', version: 1, rules: [refund, late] });

    const imported = await pieuvreJson<{ imported: { name: string; isEnabled: boolean; position: number }[] }>(['--json', 'rules', 'import', file]);
    // After the built-in crisis and spam rules a new workspace starts with.
    expect(imported.imported.map(({ name, isEnabled, position }) => ({ name, isEnabled, position }))).toEqual([
      { name: 'Remboursements', isEnabled: false, position: 2 },
      { name: 'En attente', isEnabled: false, position: 3 },
    ]);
    await pieuvreJson(['rules', 'import', file, '--enable', '--json']);
    const listed = await pieuvreJson<{ name: string; isEnabled: boolean; trigger: string; version: number; builtIn: string | null }[]>(['rules', 'list', '--json']);
    expect(listed.map((rule) => rule.builtIn)).toEqual(['crisis', 'spam', null, null, null, null]);
    expect(listed.slice(2).map(({ name, isEnabled, trigger, version }) => [name, isEnabled, trigger, version])).toEqual([
      ['Remboursements', false, 'messageArrived', 1],
      ['En attente', false, 'noReply', 1],
      ['Remboursements', true, 'messageArrived', 1],
      ['En attente', false, 'noReply', 1],
    ]);
    expect((await pieuvre(['rules', 'list'])).stdout).toContain('5. on   Remboursements  (messageArrived, version 1, 0 hits)');

    // Export to stdout by default: the file itself, ready to import elsewhere.
    const exported = await pieuvreJson<{ format: string; rules: { name: string }[] }>(['rules', 'export']);
    expect(exported).toMatchObject({ format: 'pieuvre-rules', version: 1 });
    expect(exported.rules.map((rule) => rule.name)).toEqual([...listed.slice(0, 2).map((rule) => rule.name), 'Remboursements', 'En attente', 'Remboursements', 'En attente']);
    const out = join(dataDir, 'out.json');
    expect(await pieuvreJson(['--json', 'rules', 'export', '--out', out])).toEqual({ path: out, rules: 6 });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ ...exported, exportedAt: expect.any(String) });

    const dryRun = await pieuvreJson<RuleDryRun[]>(['--json', 'rules', 'dry-run', file, '--days', '7']);
    expect(dryRun).toEqual([
      {
        name: 'Remboursements',
        days: 7,
        scanned: 2,
        scannedKind: 'message',
        matchedMessages: 2,
        matchedConversationIds: [ids.get('Je veux être remboursé'), ids.get('Refund, please')],
        actions: [
          { action: { type: 'addTag', tag: 'facturation' }, conversations: 2 },
          { action: { type: 'markUrgent' }, conversations: 2 },
        ],
        unsupported: null,
      },
      // Nobody answered them and no hours are set: each fell due an hour after it was written, long before it was stored, so as it was stored.
      {
        name: 'En attente',
        days: 7,
        scanned: 3,
        scannedKind: 'conversation',
        matchedMessages: 3,
        matchedConversationIds: [...ids.values()],
        actions: [{ action: { type: 'setPriority', priority: 'high' }, conversations: 3 }],
        unsupported: null,
      },
    ]);
    expect((await pieuvre(['rules', 'dry-run', file])).stdout).toBe(
      '“Remboursements”: 2 conversations (2 matches among 2 messages in the last 30 days)\n  addTag: 2\n  markUrgent: 2\n“En attente”: 3 conversations (3 matches among 3 conversations in the last 30 days)\n  setPriority: 3\n',
    );
    const shift = rulesFile('shift.json', { format: 'pieuvre-rules', version: 1, rules: [{ ...late, name: 'Fin de quart', trigger: { type: 'shiftEnds', personId: null, scope: 'unassigned' } }] });
    expect((await pieuvre(['rules', 'dry-run', shift])).stdout).toBe('“Fin de quart”: not tried, history cannot replay a shift trigger (past shifts are not kept).\n');
  }, SPAWNS_TIMEOUT_MS);

  it('says in one line what is wrong with a file, exiting 1, and 2 for a wrong command line', async () => {
    const broken = { format: 'pieuvre-rules', version: 1, rules: [refund, { ...late, name: 'Prioritaire', actions: [{ type: 'setPriority', priority: 'urgent' }] }] };
    const cases = [
      [['rules', 'import', join(dataDir, 'nope.json')], 1, `pieuvre: Cannot read ${join(dataDir, 'nope.json')}: there is no such file.\n`],
      [['rules', 'dry-run', rulesFile('bad.json', '{"format": "pieuvre-rules",')], 1, expect.stringMatching(/^pieuvre: .*bad\.json is not JSON: .*\n$/)],
      [
        ['rules', 'import', rulesFile('broken.json', broken)],
        1,
        expect.stringMatching(/^pieuvre: .*broken\.json is not a rules file Pieuvre can read: rules\.1\.actions\.0\.priority \(rule 2, “Prioritaire”\): .*"high".*\n$/),
      ],
      [['rules', 'dry-run', rulesFile('ok.json', { format: 'pieuvre-rules', version: 1, rules: [] }), '--days', '0'], 2, expect.stringContaining('--days: at least 1 day')],
      [['rules', 'list', '--enable'], 2, expect.stringContaining('--enable does not go with this action')],
    ] as const;
    for (const [args, code, stderr] of cases) {
      expect(await pieuvre(args), args.join(' ')).toMatchObject({ code, stdout: '', stderr });
    }
    // Nothing was imported: the built-in rules alone.
    expect((await pieuvreJson<{ builtIn: string | null }[]>(['rules', 'list', '--json'])).map((rule) => rule.builtIn)).toEqual(['crisis', 'spam']);
  }, SPAWNS_TIMEOUT_MS);
});
