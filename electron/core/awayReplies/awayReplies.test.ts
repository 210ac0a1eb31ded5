import { describe, expect, it } from 'vitest';
import type { AwayReplySettings } from '../../../shared/api/awayReplies';
import type { IncomingItemInput } from '../../../shared/domain/incomingItem';
import { parseSchedule } from '../../../shared/schedule';
import { HOSTILE_NAMES } from '../../../shared/templates/hostileNames.fixture';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { localTime, MINUTE } from '../testing/localTime';
import { ScriptedConnector } from '../testing/scriptedConnector';

const fx = useCoreWithAccount();
const ZONE = 'America/Toronto';
const at = (isoDateTime: string) => localTime(ZONE, isoDateTime);
const weekdays = parseSchedule({
  timeZone: ZONE,
  weekly: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
});
const AWAY_FR = 'Bonsoir {{ contact.first_name | default: "à vous" }}! Nous sommes fermés; on vous répond dès demain matin.';
const AWAY_EN = 'Hi {{ contact.first_name | default: "there" }}! We are closed now; we will answer first thing tomorrow.';

/** An account closed evenings and weekends, its away replies on with a fr/en template, its platform connected unless told. */
async function closedEvenings(options: { settings?: Partial<AwayReplySettings>; isConnected?: boolean } = {}) {
  const { core, accountId } = fx;
  const template = await core.call('templates.save', {
    name: 'Fermé',
    shortcut: 'ferme',
    variants: [{ language: 'fr', body: AWAY_FR }, { language: 'en', body: AWAY_EN }],
  });
  await core.call('accounts.setBusinessHours', { accountId, schedule: weekdays });
  await core.call('awayReplies.setSettings', { accountId, settings: { isEnabled: true, templateId: template.id, includesComments: false, ...options.settings } });
  const connector = new ScriptedConnector([], { now: () => core.now.value });
  if (options.isConnected ?? true) core.context.connectors.register(accountId, connector);
  return { connector, templateId: template.id };
}

let n = 0;
/** A message arriving at `time` (the clock too), from Marie-Ève unless told; DMs by default. */
async function arrives(time: string, overrides: Partial<IncomingItemInput> & { thread?: string } = {}) {
  fx.core.now.value = at(time) + MINUTE;
  n += 1;
  fx.ingest([
    commentItem({
      n,
      kind: 'dm',
      post: null,
      thread: 'dm-marie',
      author: { externalId: 'marie', handle: '@marie', name: 'Marie-Ève Tremblay' },
      text: 'Bonjour, ma commande est-elle partie?',
      language: 'fr',
      createdAt: at(time),
      ...overrides,
    }),
  ]);
  await fx.core.outbox.drain();
}

const conversationOf = (thread: string) =>
  fx.core.context.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';
const awayRows = () => fx.core.context.db.prepare<[], { state: string; text: string; last_error: string | null }>("SELECT state, text, last_error FROM outbox WHERE kind = 'away_reply' ORDER BY seq").all();
const history = (thread: string) =>
  fx.core.context.db
    .prepare<[string], { actor: string; action: string; reason: string | null }>("SELECT actor, action, data ->> '$.reason' AS reason FROM activity WHERE subject_id = ? AND action LIKE 'conversation.%' ORDER BY rowid")
    .all(conversationOf(thread));

describe('away replies', () => {
  it('answer a DM outside business hours once per off period, through the outbox, in the thread and on the record', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T19:00');
    expect(connector.posted).toMatchObject([{ kind: 'dm', text: 'Bonsoir Marie-Ève! Nous sommes fermés; on vous répond dès demain matin.', messagingTag: null }]);
    const thread = await fx.core.call('conversations.get', { id: conversationOf('dm-marie') });
    // The thread says who sent it: the away reply, not me.
    expect(thread.messages.map((message) => [message.direction, message.text, message.sentBy?.kind === 'away_reply'])).toEqual([
      ['in', 'Bonjour, ma commande est-elle partie?', false],
      ['out', 'Bonsoir Marie-Ève! Nous sommes fermés; on vous répond dès demain matin.', true],
    ]);
    expect(history('dm-marie')).toEqual([
      { actor: 'away_reply', action: 'conversation.awayReplyQueued', reason: null },
      { actor: 'away_reply', action: 'conversation.replied', reason: null },
    ]);

    // The same night, and the small hours after it: the same off period.
    await arrives('2026-11-02T21:30');
    await arrives('2026-11-03T06:00');
    expect(connector.posted).toHaveLength(1);
    // The next evening is another one.
    await arrives('2026-11-03T18:00');
    expect(connector.posted).toHaveLength(2);
    expect(awayRows().map((row) => row.state)).toEqual(['sent', 'sent']);
  });

  it('wait for a person’s OK while a sensitive topic is active', async () => {
    const { connector } = await closedEvenings();
    await fx.core.call('sensitiveTopics.save', { topic: { name: 'Verglas', words: ['verglas'], startsOn: '2026-11-01', endsOn: null } });
    await arrives('2026-11-02T19:00');
    expect(connector.posted).toEqual([]);
    const [held] = await fx.core.call('outbox.list', { scope: 'pending' });
    expect(held).toMatchObject({ kind: 'away_reply', heldFor: ['Verglas'] });
    await fx.core.call('outbox.releaseHeld', { id: held?.id ?? '' });
    await fx.core.outbox.drain();
    expect(connector.posted).toHaveLength(1);
  });

  it('do not answer twice in one evening when the business hours are edited meanwhile', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T19:00');
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: { ...weekdays, weekly: { ...weekdays.weekly, mon: [['09:00', '16:00']] } } });
    await arrives('2026-11-02T21:00');
    expect(connector.posted).toHaveLength(1);
  });

  it('stay quiet inside business hours, for a backlog, and for an account without hours', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T10:00');
    // Written on Sunday, fetched on Monday evening (a first sync): not someone waiting now.
    fx.core.now.value = at('2026-11-02T19:00');
    fx.ingest([commentItem({ n: 900, kind: 'dm', post: null, thread: 'dm-old', createdAt: at('2026-11-01T12:00') })]);
    await fx.core.call('accounts.setBusinessHours', { accountId: fx.accountId, schedule: null });
    await arrives('2026-11-02T19:30');
    expect(connector.posted).toEqual([]);
    expect(awayRows()).toEqual([]);
  });

  it('leave comments alone unless the settings include them', async () => {
    const { connector, templateId } = await closedEvenings();
    const comment = { kind: 'comment', thread: 'c-1', post: { externalId: 'post-1', text: 'Nouveau café!' } } as const;
    await arrives('2026-11-02T19:00', comment);
    expect(connector.posted).toEqual([]);
    await fx.core.call('awayReplies.setSettings', { accountId: fx.accountId, settings: { isEnabled: true, templateId, includesComments: true } });
    await arrives('2026-11-02T19:10', comment);
    expect(connector.posted).toMatchObject([{ kind: 'comment', inReplyToExternalId: `msg-${n}` }]);
  });

  it('never answer spam or a hostile message, and say why in the history once', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T19:00', { thread: 'dm-troll', text: "You're an idiot and your coffee is garbage." });
    await arrives('2026-11-02T19:05', { thread: 'dm-troll', text: 'You morons, worst service ever, useless idiots!!!' });
    await arrives('2026-11-02T16:00', { thread: 'dm-spam', text: 'Gagnez un iPhone: https://bit.ly/x' });
    await fx.core.call('conversations.setStatus', { ids: [conversationOf('dm-spam')], status: 'spam' });
    await arrives('2026-11-02T19:20', { thread: 'dm-spam', text: 'Dernière chance!' });
    await arrives('2026-11-02T19:30', { thread: 'dm-spam', text: 'Vraiment la dernière!' });
    expect(connector.posted).toEqual([]);
    expect(history('dm-troll')).toEqual([{ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'hostile' }]);
    expect(history('dm-spam').filter((line) => line.actor === 'away_reply')).toEqual([{ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'spam' }]);
    // A kind word after the insults still gets its answer: it is the message that is hostile, not the person.
    await arrives('2026-11-02T19:40', { thread: 'dm-troll', text: 'Sorry, I was upset. Is the shop open tomorrow?', language: 'en' });
    expect(connector.posted.map((request) => request.threadExternalId)).toEqual(['dm-troll']);
  });

  it('skip a conversation someone answered by hand this off period', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T18:00', { thread: 'dm-late', text: 'Encore ouvert?' });
    expect(connector.posted).toHaveLength(1);
    // Tuesday after closing, a teammate answers from the platform's own app; the person's thanks then get no away reply.
    await arrives('2026-11-03T17:30', { thread: 'dm-late', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' }, text: 'Oui, jusqu’à 19 h!' });
    await arrives('2026-11-03T18:00', { thread: 'dm-late', text: 'Merci!' });
    expect(connector.posted).toHaveLength(1);
    expect(history('dm-late').at(-1)).toEqual({ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'teammateReplied' });

    // A reply of mine in its undo delay counts too: it is about to answer them.
    await arrives('2026-11-02T16:50', { thread: 'dm-pending' });
    fx.core.now.value = at('2026-11-02T17:05');
    await fx.core.call('outbox.send', { conversationId: conversationOf('dm-pending'), text: 'On regarde ça!', idempotencyKey: 'draft-0001', when: { kind: 'now' } });
    await arrives('2026-11-02T17:05', { thread: 'dm-pending', text: 'Allô?' });
    expect(connector.posted.map((request) => request.text).at(-1)).toBe('On regarde ça!');
    expect(connector.posted).toHaveLength(2);
  });

  it('cancel a waiting one at send time when someone answered meanwhile, or the account opened', async () => {
    const { connector } = await closedEvenings({ isConnected: false });
    await arrives('2026-11-02T19:00', { thread: 'dm-a' });
    await arrives('2026-11-02T19:00', { thread: 'dm-b' });
    expect(awayRows().map((row) => row.state)).toEqual(['queued', 'queued']);
    await arrives('2026-11-02T20:00', { thread: 'dm-a', direction: 'out', author: { externalId: 'page-1', handle: '@brulerie', name: 'Brûlerie Test' }, text: 'On regarde ça!' });
    // The platform comes back the next morning, once the account has opened.
    fx.core.now.value = at('2026-11-03T09:30');
    fx.core.context.connectors.register(fx.accountId, connector);
    await fx.core.outbox.drain();
    expect(connector.posted).toEqual([]);
    expect(awayRows()).toEqual([
      expect.objectContaining({ state: 'cancelled', last_error: 'Not sent: someone answered this conversation by hand.' }),
      expect.objectContaining({ state: 'cancelled', last_error: 'Not sent: the account is open again, so a person will answer.' }),
    ]);
    expect(history('dm-a').at(-1)).toEqual({ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'teammateReplied' });
    expect(history('dm-b').at(-1)).toEqual({ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'openAgain' });
  });

  it('answer in the conversation’s language, falling back to the workspace default', async () => {
    const { connector } = await closedEvenings();
    await arrives('2026-11-02T19:00', { thread: 'dm-en', author: { externalId: 'sam', handle: '@sam', name: 'Sam Carter' }, text: 'Is my order on its way?', language: 'en' });
    await arrives('2026-11-02T19:00', { thread: 'dm-fr', author: { externalId: 'luc', handle: '@luc', name: '' }, language: 'fr' });
    await arrives('2026-11-02T19:00', { thread: 'dm-de', author: { externalId: 'jo', handle: '@jo', name: 'Jo' }, text: 'Hallo?', language: 'de' });
    expect(connector.posted.map((request) => request.text)).toEqual([
      'Hi Sam! We are closed now; we will answer first thing tomorrow.',
      'Bonsoir à vous! Nous sommes fermés; on vous répond dès demain matin.',
      'Bonsoir Jo! Nous sommes fermés; on vous répond dès demain matin.',
    ]);
  });

  it('never repeat a name a stranger chose to make the brand say something: the template’s default goes instead', async () => {
    const { connector, templateId } = await closedEvenings();
    await fx.core.call('templates.save', {
      id: templateId,
      name: 'Fermé',
      shortcut: 'ferme',
      variants: [{ language: 'en', body: 'Hi {{ contact.first_name | default: "there" }}! {{ contact.name }} {{ contact.handle }} We are closed, {{ contact.first_name }}.' }],
    });
    for (const [index, { name }] of HOSTILE_NAMES.entries()) {
      await arrives('2026-11-02T19:00', { thread: `dm-hostile-${index}`, author: { externalId: `stranger-${index}`, handle: name, name }, text: 'Hello?', language: 'en' });
    }
    expect(connector.posted.map((request) => request.text)).toEqual(HOSTILE_NAMES.map(() => 'Hi there! We are closed.'));
    expect(awayRows().filter((row) => HOSTILE_NAMES.some(({ name }) => row.text.includes(name)))).toEqual([]);
    const withheld = fx.core.context.db.prepare<[string], { withheld: string }>("SELECT data ->> '$.withheld' AS withheld FROM activity WHERE subject_id = ? AND action = 'conversation.awayReplyQueued'").get(conversationOf('dm-hostile-0'));
    expect(JSON.parse(withheld?.withheld ?? 'null')).toEqual(['contact.first_name', 'contact.name', 'contact.handle']);

    await arrives('2026-11-02T19:00', { thread: 'dm-sam', author: { externalId: 'sam', handle: 'sam', name: 'Sam Carter' }, language: 'en' });
    expect(connector.posted.at(-1)?.text).toBe('Hi Sam! Sam Carter sam We are closed, Sam.');
  });

  it('follow the workspace default where an account has no settings of its own', async () => {
    const { connector, templateId } = await closedEvenings();
    await fx.core.call('awayReplies.setSettings', { accountId: fx.accountId, settings: null });
    await arrives('2026-11-02T19:00', { thread: 'dm-1' });
    expect(connector.posted).toEqual([]);
    await fx.core.call('awayReplies.setSettings', { accountId: null, settings: { isEnabled: true, templateId, includesComments: false } });
    await arrives('2026-11-02T19:10', { thread: 'dm-2' });
    expect(connector.posted.map((request) => request.threadExternalId)).toEqual(['dm-2']);
  });

  it('send nothing once its template is deleted, and say so', async () => {
    const { connector, templateId } = await closedEvenings();
    await fx.core.call('templates.remove', { id: templateId });
    expect((await fx.core.call('awayReplies.settings', {})).accounts).toEqual([{ accountId: fx.accountId, own: { isEnabled: true, templateId: null, includesComments: false } }]);
    await arrives('2026-11-02T19:00');
    expect(connector.posted).toEqual([]);
    expect(history('dm-marie')).toEqual([{ actor: 'away_reply', action: 'conversation.awayReplySkipped', reason: 'noTemplate' }]);
  });
});

describe('away reply settings through the API', () => {
  it('start off for every account, and keep each account’s own', async () => {
    expect(await fx.core.call('awayReplies.settings', {})).toEqual({
      workspace: { isEnabled: false, templateId: null, includesComments: false },
      accounts: [{ accountId: fx.accountId, own: null }],
    });
    const { templateId } = await closedEvenings({ settings: { includesComments: true } });
    expect((await fx.core.call('awayReplies.settings', {})).accounts).toEqual([{ accountId: fx.accountId, own: { isEnabled: true, templateId, includesComments: true } }]);
  });

  it('refuse a template or account that does not exist, an enabled one without a template, and removing the default, naming the field', async () => {
    const call = (input: unknown) => fx.core.client.call('awayReplies.setSettings', input as never);
    expect(await call({ accountId: fx.accountId, settings: { isEnabled: true, templateId: 'nope' } })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'settings.templateId: there is no template "nope".' },
    });
    expect(await call({ accountId: fx.accountId, settings: { isEnabled: true, templateId: null } })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'awayReplies.setSettings: settings.templateId: choose the template to send',
        issues: [{ path: 'settings.templateId', message: 'choose the template to send' }],
      },
    });
    expect(await call({ accountId: null, settings: null })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'awayReplies.setSettings: settings: the default for all accounts cannot be removed',
        issues: [{ path: 'settings', message: 'the default for all accounts cannot be removed' }],
      },
    });
    expect(await call({ accountId: 'nope', settings: null })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call({ accountId: fx.accountId, settings: { isEnabled: 'yes', templateId: null } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
