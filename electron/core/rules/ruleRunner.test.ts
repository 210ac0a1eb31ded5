import { beforeEach, describe, expect, it } from 'vitest';
import type { RuleDefinitionInput } from '../../../shared/rules/ruleSchema';
import type { Schedule } from '../../../shared/schedule';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem, T0 } from '../testing/itemBuilder';
import { disableBuiltInRules, insertRule } from '../testing/ruleRows';
import type { RuleEvent } from './ruleEvents';
import { createRuleRunner } from './ruleRunner';
import { localSpamScorer } from './spamScorer';

const fx = useCoreWithAccount();
const db = () => fx.core.context.db;
const rule = (input: Partial<RuleDefinitionInput> & Pick<RuleDefinitionInput, 'actions'>) => insertRule(db(), { name: 'Règle', trigger: { type: 'messageArrived' }, ...input });
const words = (...values: string[]) => ({ all: [{ field: 'text' as const, op: 'containsAny' as const, values }] });

type ConversationRow = { seq: number; id: string; status: string; priority: number; assignee_id: string | null; urgent_at: number | null; snooze_until: number | null };
const conversation = (n: number) => {
  const row = db().prepare<[string], ConversationRow>('SELECT seq, id, status, priority, assignee_id, urgent_at, snooze_until FROM conversations WHERE thread_external_id = ?').get(`thread-${n}`);
  if (!row) throw new Error(`No conversation thread-${n}`);
  return row;
};
const tagsOf = (n: number) =>
  db().prepare<[number], { name: string }>('SELECT t.name FROM conversation_tags ct JOIN tags t ON t.seq = ct.tag_seq WHERE ct.conversation_seq = ? ORDER BY t.name').all(conversation(n).seq).map((row) => row.name);
const ruleLines = (n: number) =>
  db()
    .prepare<[string], { actor: string; action: string; data: string }>("SELECT actor, action, data FROM activity WHERE subject_id = ? AND actor LIKE 'rule:%' ORDER BY rowid")
    .all(conversation(n).id)
    .map((line) => ({ actor: line.actor, action: line.action, data: JSON.parse(line.data) as Record<string, unknown> }));
const stateOf = (seq: number) => db().prepare<[number], { is_enabled: number; error: string | null; error_at: number | null; hit_count: number; last_hit_at: number | null }>('SELECT is_enabled, error, error_at, hit_count, last_hit_at FROM rules WHERE seq = ?').get(seq);
const runEvent = (event: RuleEvent, at = fx.core.now.value) => db().transaction(() => createRuleRunner(localSpamScorer, fx.core.context.connectors)(db(), event, at))();

const hours = (day: 'mon' | 'tue' | null): Schedule => {
  const weekly: Schedule['weekly'] = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  if (day) weekly[day] = [['09:00', '17:00']];
  return { timeZone: 'UTC', weekly, exceptions: [] };
};
const NOBODY = hours(null);
/** Mondays 09:00–17:00 UTC: on duty at T0 (Monday 14:00 UTC). */
const MONDAYS = hours('mon');
/** Tuesdays only: off duty at T0, next on the next day at 09:00. */
const TUESDAYS = hours('tue');

beforeEach(() => disableBuiltInRules(db()));

describe('rules on arriving messages', () => {
  it('run in order, each on what the one before left; a rule that stops keeps later rules off that message only', () => {
    rule({ name: 'Remboursements', when: words('rembours*'), actions: [{ type: 'addTag', tag: 'billing' }, { type: 'setPriority', priority: 'high' }], stopProcessing: true });
    rule({ name: 'Tout', actions: [{ type: 'addTag', tag: 'seen' }, { type: 'setPriority', priority: 'low' }] });
    rule({ name: 'Vu', when: { all: [{ field: 'tags', op: 'containsAny', values: ['seen'] }] }, actions: [{ type: 'addTag', tag: 'after-seen' }] });
    fx.ingest([commentItem({ n: 1, text: 'Je veux un remboursement' }), commentItem({ n: 2, text: 'Bon café' }), commentItem({ n: 3, text: 'Merci', direction: 'out' })]);
    expect([tagsOf(1), conversation(1).priority]).toEqual([['billing'], 1]);
    expect([tagsOf(2), conversation(2).priority]).toEqual([['after-seen', 'seen'], -1]);
    // The brand's own words never set rules off.
    expect(tagsOf(3)).toEqual([]);
  });

  it('read the conversation as the rules before them left it: later in the same message, and for the batch’s next message in it', () => {
    const status = (value: string) => ({ field: 'status' as const, op: 'equals' as const, value });
    const text = (value: string) => ({ field: 'text' as const, op: 'containsAny' as const, values: [value] });
    rule({ name: 'Pourriel', when: words('pourriel'), actions: [{ type: 'markSpam' }] });
    rule({ name: 'Vu pourriel', when: { all: [status('spam'), text('pourriel')] }, actions: [{ type: 'setPriority', priority: 'low' }] });
    rule({ name: 'Suite', when: { all: [status('spam'), text('bonjour')] }, actions: [{ type: 'addTag', tag: 'after-spam' }] });
    rule({ name: 'Encore ouvert', when: { all: [status('open'), text('bonjour')] }, actions: [{ type: 'addTag', tag: 'still-open' }] });
    fx.ingest([commentItem({ n: 1, text: 'Du pourriel' }), commentItem({ n: 2, text: 'Bonjour', thread: 'thread-1' })]);
    expect([conversation(1).status, conversation(1).priority, tagsOf(1)]).toEqual(['spam', -1, ['after-spam']]);
  });

  it('count their hits and put each effect in the conversation’s history, naming the rule', () => {
    const billing = rule({ name: 'Remboursements', when: words('remboursement', 'refund'), actions: [{ type: 'addTag', tag: 'billing' }, { type: 'addTag', tag: 'billing' }] });
    fx.ingest([commentItem({ n: 1, text: 'Refund please' }), commentItem({ n: 2, text: 'Il rembourse?' })]);
    fx.core.now.value = T0 + 5_000;
    fx.ingest([commentItem({ n: 8, text: 'REMBOURSEMENT!', thread: 'thread-1' })]);
    expect(stateOf(billing.seq)).toMatchObject({ hit_count: 2, last_hit_at: T0 + 5_000, is_enabled: 1 });
    // Tagged once: the second action and the second message found it done.
    expect(ruleLines(1)).toEqual([{ actor: `rule:${billing.id}`, action: 'conversation.tags', data: { rule: 'Remboursements', add: ['billing'], remove: [] } }]);
    expect(tagsOf(2)).toEqual([]);
  });

  it('take a tag or a priority away and back within one batch, each change on the record', () => {
    rule({ name: 'Vu', actions: [{ type: 'addTag', tag: 'vu' }, { type: 'setPriority', priority: 'high' }] });
    rule({ name: 'Pas vu', actions: [{ type: 'removeTag', tag: 'vu' }, { type: 'setPriority', priority: 'low' }] });
    rule({ name: 'Revu', actions: [{ type: 'addTag', tag: 'vu' }, { type: 'setPriority', priority: 'high' }] });
    fx.ingest([commentItem({ n: 1, text: 'Bonjour' }), commentItem({ n: 2, text: 'Encore', thread: 'thread-1' })]);
    const changes = ruleLines(1).map(({ data }) => [data.rule, data.priority ?? ((data.add as string[]).length > 0 ? `+${String(data.add)}` : `-${String(data.remove)}`)]);
    // The second message finds the tag and the high priority there: "Vu" changes nothing, the two others change both again.
    expect(changes).toEqual([
      ['Vu', '+vu'], ['Vu', 'high'], ['Pas vu', '-vu'], ['Pas vu', 'low'], ['Revu', '+vu'], ['Revu', 'high'],
      ['Pas vu', '-vu'], ['Pas vu', 'low'], ['Revu', '+vu'], ['Revu', 'high'],
    ]);
    expect([tagsOf(1), conversation(1).priority]).toEqual([['vu'], 1]);
  });

  it('put a run’s history in the order its rules acted, lines before a reply rule’s written before it looks', () => {
    const tag = rule({ name: 'Étiquette', actions: [{ type: 'addTag', tag: 'seen' }] });
    const reply = rule({ name: 'Réponse', actions: [{ type: 'reply', templateId: 'template-gone', oncePerConversation: true }] });
    const priority = rule({ name: 'Priorité', actions: [{ type: 'setPriority', priority: 'high' }] });
    fx.ingest([commentItem({ n: 1, text: 'Bonjour' }), commentItem({ n: 2, text: 'Allô' }), commentItem({ n: 3, text: 'Encore', thread: 'thread-1' })]);
    const lines = (n: number) => ruleLines(n).map((line) => [line.actor, line.action]);
    // The skipped reply is on the record once (a second skip for the same reason is not repeated), between the two rules around it.
    expect(lines(1)).toEqual([
      [`rule:${tag.id}`, 'conversation.tags'],
      [`rule:${reply.id}`, 'conversation.ruleReplySkipped'],
      [`rule:${priority.id}`, 'conversation.priority'],
    ]);
    expect(lines(2)).toEqual(lines(1));
  });

  it('does every action but sends, each on the record', async () => {
    const [me] = await fx.core.call('team.list', {});
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: MONDAYS });
    const tag = rule({ name: 'Tag', when: words('un'), actions: [{ type: 'addTag', tag: 'old' }] });
    rule({
      name: 'Tout faire',
      when: words('deux'),
      actions: [
        { type: 'removeTag', tag: 'old' },
        { type: 'setPriority', priority: 'high' },
        { type: 'assign', to: { mode: 'person', personId: ana.id } },
        { type: 'addNote', text: 'Client fidèle depuis 2019' },
        { type: 'notify', personId: null },
        { type: 'markUrgent' },
        { type: 'snooze', minutes: 90 },
      ],
    });
    rule({ name: 'Fini', when: words('trois'), actions: [{ type: 'markDone' }] });
    rule({ name: 'Pourriel', when: words('quatre'), actions: [{ type: 'markSpam' }, { type: 'assign', to: { mode: 'person', personId: 'nobody-here' } }] });
    fx.ingest([commentItem({ n: 1, text: 'un' })]);
    fx.ingest([commentItem({ n: 9, text: 'deux', thread: 'thread-1' }), commentItem({ n: 3, text: 'trois' }), commentItem({ n: 4, text: 'quatre' })]);

    expect(tagsOf(1)).toEqual([]);
    expect(conversation(1)).toMatchObject({ priority: 1, assignee_id: ana.id, urgent_at: T0, status: 'snoozed', snooze_until: T0 + 90 * 60_000 });
    expect(ruleLines(1).map((line) => [line.action, line.data])).toEqual([
      ['conversation.tags', { rule: 'Tag', add: ['old'], remove: [] }],
      ['conversation.tags', { rule: 'Tout faire', add: [], remove: ['old'] }],
      ['conversation.priority', { rule: 'Tout faire', priority: 'high' }],
      ['conversation.assigned', { rule: 'Tout faire', assigneeId: ana.id }],
      ['conversation.note', { rule: 'Tout faire' }],
      // Null: whoever has the conversation, on duty now.
      ['conversation.notified', { rule: 'Tout faire', personId: ana.id, deliverAfter: T0 }],
      ['conversation.urgent', { rule: 'Tout faire', reason: 'rule: Tout faire' }],
      ['conversation.status', { rule: 'Tout faire', status: 'snoozed', snoozeUntil: T0 + 90 * 60_000 }],
    ]);
    expect(ruleLines(1)[0]?.actor).toBe(`rule:${tag.id}`);
    expect(db().prepare('SELECT kind, author_name, rule_name, text FROM notes WHERE conversation_seq = ?').all(conversation(1).seq)).toEqual([
      { kind: 'rule', author_name: 'Tout faire', rule_name: 'Tout faire', text: 'Client fidèle depuis 2019' },
    ]);
    expect(db().prepare('SELECT p.id, n.kind, n.text, n.deliver_after FROM person_notices n JOIN people p ON p.seq = n.person_seq').all()).toEqual([{ id: ana.id, kind: 'rule', text: 'Tout faire', deliver_after: T0 }]);
    expect(conversation(3).status).toBe('done');
    // A teammate who is not in the team: the rule goes on, the conversation stays unassigned.
    expect(conversation(4)).toMatchObject({ status: 'spam', assignee_id: null });
    expect(me?.isMe).toBe(true);
  });

  it('escalates what a rule marked urgent once the batch is stored, with the rule as the reason', async () => {
    const notices: unknown[] = [];
    fx.core.events.subscribe((event) => {
      if (event.name === 'notification.urgent') notices.push(event.payload);
    });
    rule({ name: 'Allergies', when: words('allergie*'), actions: [{ type: 'markUrgent' }] });
    fx.ingest([commentItem({ n: 1, text: 'Mes allergies!' }), commentItem({ n: 2, text: 'Bon café' })]);
    expect(notices).toEqual([expect.objectContaining({ conversationId: conversation(1).id, reason: 'rule: Allergies', author: 'Fan 1' })]);
    expect((await fx.core.call('conversations.get', { id: conversation(1).id })).urgentAt).toBe(T0);
  });

  it('holds a notice for a teammate off duty until their next shift', async () => {
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: TUESDAYS });
    rule({ name: 'Avertir Ben', actions: [{ type: 'notify', personId: ben.id }] });
    fx.ingest([commentItem({ n: 1 })]);
    expect(db().prepare('SELECT deliver_after FROM person_notices').all()).toEqual([{ deliver_after: Date.UTC(2026, 10, 3, 9, 0) }]);
  });
});

describe('a rule that fails', () => {
  it('is turned off with its error, takes back only its own effects; the message stays and the other rules go on', () => {
    const first = rule({ name: 'Avant', actions: [{ type: 'addTag', tag: 'before' }] });
    const broken = rule({ name: 'Cassée', actions: [{ type: 'addTag', tag: 'broken' }, { type: 'addNote', text: 'jamais' }] });
    const after = rule({ name: 'Après', actions: [{ type: 'addTag', tag: 'after' }] });
    db().exec("CREATE TEMP TRIGGER notes_refused BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'notes are refused today'); END");
    fx.core.now.value = T0 + 1_000;
    const result = fx.ingest([commentItem({ n: 1 }), commentItem({ n: 2 })]);
    expect(result).toMatchObject({ inserted: 2, rejected: 0 });
    expect([tagsOf(1), tagsOf(2)]).toEqual([['after', 'before'], ['after', 'before']]);
    expect(stateOf(broken.seq)).toEqual({ is_enabled: 0, error: 'notes are refused today', error_at: T0 + 1_000, hit_count: 0, last_hit_at: null });
    expect([stateOf(first.seq)?.hit_count, stateOf(after.seq)?.hit_count]).toEqual([2, 2]);
    expect(db().prepare("SELECT actor, subject_id, data FROM activity WHERE action = 'rule.disabled'").all()).toEqual([
      { actor: 'engine', subject_id: broken.id, data: JSON.stringify({ rule: 'Cassée', error: 'notes are refused today' }) },
    ]);
    expect(db().prepare('SELECT count(*) AS n FROM tags WHERE name = ?').get('broken')).toEqual({ n: 0 });
    // The failed try's history went with it: only the rules that stayed are on the record.
    expect(ruleLines(1).map((line) => line.data.rule)).toEqual(['Avant', 'Après']);
  });

  it('is turned off when its stored definition no longer reads, or a condition throws', () => {
    const stale = rule({ name: 'Ancienne', actions: [{ type: 'addTag', tag: 'x' }] });
    db().prepare('UPDATE rules SET definition = ?, updated_at = 1 WHERE seq = ?').run(JSON.stringify({ trigger: { type: 'messageArrived' }, actions: [{ type: 'teleport' }] }), stale.seq);
    const spammy = rule({ name: 'Pourriel', when: { all: [{ field: 'spamScore', op: 'greaterThan', value: 0.5 }] }, actions: [{ type: 'markSpam' }] });
    const throwing = () => {
      throw new Error('the spam model is missing');
    };
    fx.ingest([commentItem({ n: 1 })]);
    const { seq } = conversation(1);
    const messageSeq = db().prepare<[number], { seq: number }>('SELECT seq FROM messages WHERE conversation_seq = ?').get(seq)?.seq ?? 0;
    db().transaction(() => createRuleRunner(throwing, fx.core.context.connectors)(db(), { type: 'messageArrived', messages: [{ seq: messageSeq, conversationId: conversation(1).id, conversationSeq: seq, item: commentItem({ n: 1 }) as never }] }, T0))();
    expect(stateOf(stale.seq)).toMatchObject({ is_enabled: 0, error: expect.stringMatching(/^The stored rule is no longer valid: actions/u) });
    expect(stateOf(spammy.seq)).toMatchObject({ is_enabled: 0, error: 'the spam model is missing' });
    expect(tagsOf(1)).toEqual([]);
  });
});

describe('round robin', () => {
  const roundRobin = (personIds: string[] = [], cap: number | null = null) => rule({ name: 'Au suivant', actions: [{ type: 'assign', to: { mode: 'roundRobin', personIds, cap } }] });

  it('takes turns among teammates on duty now, overrides included, and skips anyone at the cap', async () => {
    await fx.core.call('duty.setSchedule', { schedule: NOBODY });
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: MONDAYS });
    await fx.core.call('team.add', { name: 'Ben', schedule: TUESDAYS });
    const chloe = await fx.core.call('team.add', { name: 'Chloé', schedule: null });
    roundRobin([], 2);
    fx.ingest([1, 2, 3, 4, 5].map((n) => commentItem({ n })));
    // Me and Ben are off duty; Ana and Chloé alternate until both have 2 open conversations.
    expect([1, 2, 3, 4, 5].map((n) => conversation(n).assignee_id)).toEqual([ana.id, chloe.id, ana.id, chloe.id, null]);
    await fx.core.call('conversations.setStatus', { ids: [conversation(1).id], status: 'done' });
    // "I am working now": my override puts me in the turn, after Chloé, who had the last one.
    await fx.core.call('duty.override', { kind: 'working' });
    const [me] = await fx.core.call('team.list', {});
    fx.ingest([6, 7, 8].map((n) => commentItem({ n, thread: `thread-${n}` })));
    expect([6, 7, 8].map((n) => conversation(n).assignee_id)).toEqual([me?.id, ana.id, me?.id]);
  });

  it('keeps the turn between batches, only among the teammates listed, and leaves the conversation unassigned when nobody is on duty', async () => {
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: null });
    await fx.core.call('team.add', { name: 'Chloé', schedule: null });
    const rr = roundRobin([ben.id, ana.id]);
    fx.ingest([commentItem({ n: 1 })]);
    fx.ingest([commentItem({ n: 2 })]);
    fx.ingest([commentItem({ n: 3 })]);
    expect([1, 2, 3].map((n) => conversation(n).assignee_id)).toEqual([ben.id, ana.id, ben.id]);
    expect(db().prepare('SELECT last_person_id FROM rule_round_robin WHERE rule_seq = ?').get(rr.seq)).toEqual({ last_person_id: ben.id });
    await fx.core.call('team.update', { id: ana.id, schedule: NOBODY });
    await fx.core.call('team.update', { id: ben.id, schedule: NOBODY });
    fx.ingest([commentItem({ n: 4 })]);
    expect(conversation(4).assignee_id).toBeNull();
    // A conversation someone already has stays with them.
    fx.ingest([commentItem({ n: 10, thread: 'thread-1' })]);
    expect(conversation(1).assignee_id).toBe(ben.id);
  });
});

describe('conversation, time and shift triggers', () => {
  it('a change by a rule sets off the conversation-changed rules once, never the rule that made it, and never a loop', async () => {
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    rule({ name: 'Facturation', when: words('facture'), actions: [{ type: 'addTag', tag: 'billing' }] });
    const ping = rule({ name: 'Ping', trigger: { type: 'conversationChanged', changes: ['tags'] }, actions: [{ type: 'addTag', tag: 'ping' }] });
    rule({ name: 'Pong', trigger: { type: 'conversationChanged', changes: ['tags'] }, when: { all: [{ field: 'tags', op: 'containsAny', values: ['ping'] }] }, actions: [{ type: 'addTag', tag: 'pong' }] });
    rule({ name: 'À Ana', trigger: { type: 'conversationChanged', changes: ['status', 'tags'] }, when: { all: [{ field: 'tags', op: 'containsAny', values: ['billing'] }] }, actions: [{ type: 'assign', to: { mode: 'person', personId: ana.id } }] });
    fx.ingest([commentItem({ n: 1, text: 'Ma facture est fausse' })]);
    // Billing → ping (and Ana); ping → pong in the same round, as rules run in order on what the ones before left; no further round.
    expect(tagsOf(1)).toEqual(['billing', 'ping', 'pong']);
    expect(conversation(1).assignee_id).toBe(ana.id);
    expect(stateOf(ping.seq)?.hit_count).toBe(1);
    // Raised by someone else (a person's change), the rule that made the change is not skipped.
    runEvent({ type: 'conversationChanged', change: 'tags', conversationSeqs: [conversation(1).seq], byRuleSeq: null });
    expect(stateOf(ping.seq)?.hit_count).toBe(2);
    runEvent({ type: 'conversationChanged', change: 'tags', conversationSeqs: [conversation(1).seq], byRuleSeq: ping.seq });
    expect(stateOf(ping.seq)?.hit_count).toBe(2);
  });

  it('a due time rule runs on its conversations, reading the latest message from a person', () => {
    const late = rule({ name: 'En retard', trigger: { type: 'noReply', workingMinutes: 30 }, when: words('aide'), actions: [{ type: 'setPriority', priority: 'high' }] });
    const other = rule({ name: 'Autre', trigger: { type: 'noReply', workingMinutes: 60 }, actions: [{ type: 'setPriority', priority: 'low' }] });
    fx.ingest([commentItem({ n: 1, text: 'bonjour' }), commentItem({ n: 9, text: 'à l’aide', thread: 'thread-1' }), commentItem({ n: 10, text: 'merci', thread: 'thread-1', direction: 'out' }), commentItem({ n: 2, text: 'bonjour' })]);
    const result = runEvent({ type: 'due', ruleSeq: late.seq, conversationSeqs: [conversation(1).seq, conversation(2).seq] });
    expect([conversation(1).priority, conversation(2).priority]).toEqual([1, 0]);
    expect(result.changedConversationIds).toEqual([conversation(1).id]);
    expect(stateOf(other.seq)?.hit_count).toBe(0);
  });

  it('a shift rule runs on that person’s conversations, or on the unassigned ones, as it says', async () => {
    const ana = await fx.core.call('team.add', { name: 'Ana', schedule: null });
    const ben = await fx.core.call('team.add', { name: 'Ben', schedule: null });
    rule({ name: 'Fin de quart', trigger: { type: 'shiftEnds', personId: null, scope: 'assignedToThem' }, actions: [{ type: 'addTag', tag: 'handoff' }] });
    rule({ name: 'Début de quart', trigger: { type: 'shiftStarts', personId: ben.id, scope: 'unassigned' }, actions: [{ type: 'addTag', tag: 'for-ben' }] });
    fx.ingest([1, 2, 3].map((n) => commentItem({ n })));
    await fx.core.call('conversations.assign', { ids: [conversation(1).id], assigneeId: ana.id });
    await fx.core.call('conversations.assign', { ids: [conversation(2).id], assigneeId: ben.id });
    const all = [1, 2, 3].map((n) => conversation(n).seq);
    runEvent({ type: 'shiftEnds', personId: ana.id, conversationSeqs: all });
    runEvent({ type: 'shiftStarts', personId: ana.id, conversationSeqs: all });
    expect([1, 2, 3].map(tagsOf)).toEqual([['handoff'], [], []]);
    runEvent({ type: 'shiftStarts', personId: ben.id, conversationSeqs: all });
    expect([1, 2, 3].map(tagsOf)).toEqual([['handoff'], [], ['for-ben']]);
  });

  it('compiles a rule again only once it was saved again', () => {
    const tagger = rule({ name: 'Étiquette', actions: [{ type: 'addTag', tag: 'one' }] });
    fx.ingest([commentItem({ n: 1 })]);
    db().prepare('UPDATE rules SET definition = ?, version = 2, updated_at = 2 WHERE seq = ?').run(JSON.stringify({ trigger: { type: 'messageArrived' }, when: { all: [] }, actions: [{ type: 'addTag', tag: 'two' }], stopProcessing: false }), tagger.seq);
    fx.ingest([commentItem({ n: 2 })]);
    db().prepare('UPDATE rules SET is_enabled = 0 WHERE seq = ?').run(tagger.seq);
    fx.ingest([commentItem({ n: 3 })]);
    expect([1, 2, 3].map(tagsOf)).toEqual([['one'], ['two'], []]);
  });
});
