import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import { useCoreWithAccount } from '../testing/coreWithAccount';

const env = useCoreWithAccount();

const refund: RuleDefinitionInput = {
  name: 'Remboursements',
  trigger: { type: 'messageArrived' },
  when: { all: [{ field: 'text', op: 'containsAny', values: ['rembours*', 'refund*'] }] },
  actions: [{ type: 'addTag', tag: 'facturation' }],
};
const spam: RuleDefinitionInput = { name: 'Pourriel', trigger: { type: 'messageArrived' }, when: { all: [{ field: 'spamScore', op: 'greaterThan', value: 0.7 }] }, actions: [{ type: 'markSpam' }] };
const vip: RuleDefinitionInput = { name: 'VIP', trigger: { type: 'messageArrived' }, when: { all: [{ field: 'authorVip', op: 'equals', value: true }] }, actions: [{ type: 'setPriority', priority: 'high' }] };

async function failure<M extends MethodName>(method: M, input: MethodInput<M>) {
  const result = await env.core.client.call(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

const names = async () => (await env.core.call('rules.list', {})).map((rule) => `${rule.position}:${rule.name}`);
const activity = () => env.core.context.db.prepare<[], { actor: string; action: string; subject_type: string }>("SELECT actor, action, subject_type FROM activity WHERE action LIKE 'rule%' ORDER BY rowid").all();

describe('rules in the core', () => {
  it('creates, reads, saves new versions of and deletes a rule, on the record', async () => {
    const { core } = env;
    const created = await core.call('rules.create', { definition: refund });
    expect(created).toMatchObject({ name: 'Remboursements', isEnabled: false, position: 0, version: 1, builtIn: null, hitCount: 0, lastHitAt: null, error: null, stopProcessing: false });
    expect(await core.call('rules.get', { id: created.id })).toEqual(created);

    // What the engine compiles is the definition alone; name and on/off are columns beside it.
    const row = core.context.db.prepare<[string], { definition: string; trigger_type: string; name: string }>('SELECT definition, trigger_type, name FROM rules WHERE id = ?').get(created.id);
    expect(row?.trigger_type).toBe('messageArrived');
    expect(Object.keys(JSON.parse(row?.definition ?? '{}'))).toEqual(['trigger', 'when', 'actions', 'stopProcessing']);

    core.now.value += 60_000;
    const updated = await core.call('rules.update', { id: created.id, definition: { ...refund, name: 'Facturation', isEnabled: true } });
    expect(updated).toMatchObject({ name: 'Facturation', isEnabled: true, version: 2, updatedAt: core.now.value, createdAt: created.createdAt });
    const versions = await core.call('rules.versions', { id: created.id });
    expect(versions.map((version) => [version.version, version.definition.name, version.savedAt])).toEqual([
      [2, 'Facturation', core.now.value],
      [1, 'Remboursements', created.createdAt],
    ]);

    expect(await core.call('rules.delete', { id: created.id })).toEqual({ isDeleted: true });
    expect(await core.call('rules.delete', { id: created.id })).toEqual({ isDeleted: false });
    expect(await core.call('rules.list', {})).toEqual([]);
    expect(core.context.db.prepare('SELECT count(*) AS n FROM rule_versions').get()).toEqual({ n: 0 });
    expect(activity()).toEqual(['rule.created', 'rule.updated', 'rule.deleted'].map((action) => ({ actor: 'me', action, subject_type: 'rule' })));
    expect(await failure('rules.get', { id: created.id })).toEqual({ code: 'not_found', message: `There is no rule ${created.id}.` });
  });

  it('clears the error that turned a rule off when it is saved or turned on again', async () => {
    const { core } = env;
    const rule = await core.call('rules.create', { definition: { ...refund, isEnabled: true } });
    const fail = () => core.context.db.prepare("UPDATE rules SET is_enabled = 0, error = 'boom', error_at = 5 WHERE id = ?").run(rule.id);
    fail();
    expect(await core.call('rules.get', { id: rule.id })).toMatchObject({ isEnabled: false, error: { message: 'boom', at: 5 } });
    core.now.value += 1_000;
    expect(await core.call('rules.setEnabled', { id: rule.id, isEnabled: true })).toMatchObject({ isEnabled: true, error: null, updatedAt: core.now.value, version: 1 });
    fail();
    expect(await core.call('rules.update', { id: rule.id, definition: refund })).toMatchObject({ isEnabled: false, error: null, version: 2 });
    expect(await core.call('rules.setEnabled', { id: rule.id, isEnabled: false })).toMatchObject({ isEnabled: false });
  });

  it('places rules where asked, closes the gap a deletion leaves, and keeps built-in rules from deletion', async () => {
    const { core } = env;
    await core.call('rules.create', { definition: refund });
    const second = await core.call('rules.create', { definition: spam });
    await core.call('rules.create', { definition: vip, position: 0 });
    await core.call('rules.create', { definition: { ...vip, name: 'Far' }, position: 99 });
    expect(await names()).toEqual(['0:VIP', '1:Remboursements', '2:Pourriel', '3:Far']);

    core.context.db.prepare("UPDATE rules SET built_in = 'spam' WHERE id = ?").run(second.id);
    expect(await failure('rules.delete', { id: second.id })).toEqual({ code: 'conflict', message: '“Pourriel” is built in: it can be edited or turned off, not deleted.' });
    expect(await core.call('rules.update', { id: second.id, definition: { ...spam, name: 'Pourriel évident' } })).toMatchObject({ builtIn: 'spam', version: 2 });
    expect(await core.call('rules.setEnabled', { id: second.id, isEnabled: false })).toMatchObject({ isEnabled: false });

    const [first] = await core.call('rules.list', {});
    await core.call('rules.delete', { id: first?.id ?? '' });
    expect(await names()).toEqual(['0:Remboursements', '1:Pourriel évident', '2:Far']);
  });

  it('reorders with every rule once, and names what is missing, repeated or unknown', async () => {
    const { core } = env;
    const [a, b, c] = [await core.call('rules.create', { definition: refund }), await core.call('rules.create', { definition: spam }), await core.call('rules.create', { definition: vip })];
    if (!a || !b || !c) throw new Error('three rules');
    expect((await core.call('rules.reorder', { ids: [c.id, a.id, b.id] })).map((rule) => `${rule.position}:${rule.name}`)).toEqual(['0:VIP', '1:Remboursements', '2:Pourriel']);
    expect(await failure('rules.reorder', { ids: [c.id, a.id, a.id, 'nope'] })).toEqual({
      code: 'invalid_input',
      message: `ids: every rule once, in the new order (given more than once: ${a.id}; no such rule: nope; missing: ${b.id}).`,
    });
    expect(await names()).toEqual(['0:VIP', '1:Remboursements', '2:Pourriel']);
    expect(activity().at(-1)).toEqual({ actor: 'me', action: 'rules.reordered', subject_type: 'workspace' });
  });

  it('duplicates a rule turned off, right after the original, numbered or named by the editor', async () => {
    const { core } = env;
    const original = await core.call('rules.create', { definition: { ...refund, isEnabled: true } });
    await core.call('rules.create', { definition: spam });
    const copy = await core.call('rules.duplicate', { id: original.id });
    expect(copy).toMatchObject({ name: 'Remboursements (2)', isEnabled: false, position: 1, version: 1, when: original.when, actions: original.actions });
    await core.call('rules.duplicate', { id: copy.id });
    await core.call('rules.duplicate', { id: original.id, name: 'Remboursements (copie)' });
    expect(await names()).toEqual(['0:Remboursements', '1:Remboursements (copie)', '2:Remboursements (2)', '3:Remboursements (3)', '4:Pourriel']);
    const long = await core.call('rules.create', { definition: { ...refund, name: 'x'.repeat(120) } });
    expect((await core.call('rules.duplicate', { id: long.id })).name).toBe(`${'x'.repeat(116)} (2)`);
  });

  it('exports the rules file and imports it after the existing rules, off unless kept on', async () => {
    const { core } = env;
    const a = await core.call('rules.create', { definition: { ...refund, isEnabled: true } });
    const b = await core.call('rules.create', { definition: spam });
    const file = await core.call('rules.export', {});
    expect(file).toMatchObject({ format: 'pieuvre-rules', version: 1, exportedAt: new Date(core.now.value).toISOString() });
    expect(file.rules.map((rule) => [rule.name, rule.isEnabled])).toEqual([['Remboursements', true], ['Pourriel', false]]);
    expect((await core.call('rules.export', { ids: [b.id] })).rules.map((rule) => rule.name)).toEqual(['Pourriel']);

    const { imported } = await core.call('rules.import', { file });
    expect(imported.map((rule) => [rule.position, rule.name, rule.isEnabled])).toEqual([[2, 'Remboursements', false], [3, 'Pourriel', false]]);
    expect(imported[0]).toMatchObject({ trigger: a.trigger, when: a.when, actions: a.actions });
    const kept = await core.call('rules.import', { file, keepEnabled: true });
    expect(kept.imported.map((rule) => rule.isEnabled)).toEqual([true, false]);
  });

  it('imports all or nothing, naming the rule and field that are wrong', async () => {
    const { core } = env;
    const file = { format: 'pieuvre-rules', version: 1, rules: [refund, { ...spam, actions: [{ type: 'setPriority', priority: 'urgent' }] }] } as MethodInput<'rules.import'>['file'];
    const error = await failure('rules.import', { file });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('file.rules.1.actions.0.priority');
    const badRegex = { ...refund, when: { all: [{ field: 'text', op: 'matches', value: '(a' }] } } as RuleDefinitionInput;
    expect((await failure('rules.create', { definition: badRegex })).message).toContain('definition.when.all.0.value: is not a regular expression this engine accepts');
    expect(await core.call('rules.list', {})).toEqual([]);
  });

  it('offers the starters with the workspace’s away-reply template and me', async () => {
    const { core } = env;
    const away = (await core.call('rules.starters', { language: 'en' })).find((starter) => starter.key === 'awayDms');
    expect(away?.needsTemplate).toBe(true);
    const template = await core.call('templates.save', { name: 'Absent', shortcut: 'absent', folder: '', tags: [], variants: [{ language: 'fr', body: 'De retour demain.' }] });
    await core.call('awayReplies.setSettings', { accountId: null, settings: { isEnabled: true, templateId: template.id, includesComments: false } });
    const starters = await core.call('rules.starters', { language: 'fr' });
    expect(starters.find((starter) => starter.key === 'awayDms')).toMatchObject({ needsTemplate: false, definition: { actions: [{ type: 'reply', templateId: template.id }] } });
    const me = (await core.call('team.list', {})).find((member) => member.isMe);
    expect(starters.find((starter) => starter.key === 'vip')?.definition.actions[1]).toEqual({ type: 'assign', to: { mode: 'person', personId: me?.id } });
  });
});
