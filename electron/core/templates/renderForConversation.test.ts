import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { commentItem } from '../testing/itemBuilder';
import { TemplateService } from './templateService';

const env = useCoreWithAccount();

const author = { externalId: 'marie', handle: '@marieeve', name: 'Marie-Ève Tremblay' };
const conversationId = (thread: string) =>
  env.core.context.db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE thread_external_id = ?').get(thread)?.id ?? '';

async function saveMerci() {
  return env.core.call('templates.save', {
    name: 'Merci',
    shortcut: 'merci',
    variants: [
      { language: 'fr', body: 'Merci {{ contact.first_name }}! — {{ me.first_name | default: account.name }} sur {{ platform }} {{ conversation.link }}' },
      { language: 'fr', platform: 'facebook', body: 'Merci {{ contact.first_name }}, de Facebook!' },
      { language: 'en', body: 'Thanks {{ contact.first_name }}! {{ contact.nickname }}' },
    ],
  });
}

describe('templates rendered for a conversation', () => {
  it('speaks the language detected in the contact’s latest message, on its platform', async () => {
    const template = await saveMerci();
    env.ingest([commentItem({ n: 1, thread: 't', author, language: 'fr' }), commentItem({ n: 2, thread: 't', author, language: 'en', permalink: 'https://facebook.example/c/2' })]);
    const [rendered] = await env.core.call('templates.renderForConversation', { conversationId: conversationId('t') });
    expect(rendered).toEqual({ templateId: template.id, language: 'en', platform: null, text: 'Thanks Marie-Ève!', problem: null, unknownVariables: ['contact.nickname'], withheld: [] });
  });

  it('falls back to the workspace default language, and prefers the platform’s own version', async () => {
    await saveMerci();
    env.ingest([commentItem({ n: 1, thread: 't', author, language: 'es' })]);
    const render = async () => (await env.core.call('templates.renderForConversation', { conversationId: conversationId('t') }))[0];
    expect(await render()).toMatchObject({ language: 'fr', platform: 'facebook', text: 'Merci Marie-Ève, de Facebook!' });
    expect(await env.core.call('templates.setDefaultLanguage', { language: 'EN' })).toEqual({ defaultLanguage: 'en' });
    expect(await render()).toMatchObject({ language: 'en', text: 'Thanks Marie-Ève!' });
  });

  it('offers the editor the conversation’s values: my name and signature, the account, and the link of the post when messages have none', async () => {
    env.ingest([commentItem({ n: 1, thread: 't', author, post: { externalId: 'p', text: 'Nouveau café', permalink: 'https://facebook.example/p' } })]);
    expect(await env.core.call('me.update', { name: ' Léa Gagnon ', signature: '— Léa, Brûlerie Test\n' })).toMatchObject({ name: 'Léa Gagnon', signature: '— Léa, Brûlerie Test' });
    expect(await env.core.call('templates.context', { conversationId: conversationId('t') })).toEqual({
      conversationId: conversationId('t'),
      values: {
        contact: { first_name: 'Marie-Ève', name: 'Marie-Ève Tremblay', handle: '@marieeve' },
        me: { first_name: 'Léa', name: 'Léa Gagnon', signature: '— Léa, Brûlerie Test' },
        account: { name: 'Brûlerie Test', handle: '@brulerie' },
        platform: 'Facebook',
        conversation: { link: 'https://facebook.example/p' },
      },
      language: null,
      platform: 'facebook',
      defaultLanguage: 'fr',
    });
  });

  it('lets a person send a stranger’s name as is, and says which values an automatic reply would not repeat', async () => {
    const template = await saveMerci();
    env.ingest([commentItem({ n: 1, thread: 't', author: { externalId: 'x', handle: '@win', name: 'Bob free-coffee.example' }, language: 'fr' })]);
    expect(await env.core.call('templates.renderForConversation', { conversationId: conversationId('t'), templateIds: [template.id] })).toMatchObject([
      { text: 'Merci Bob, de Facebook!', withheld: ['contact.first_name'] },
    ]);
    expect(new TemplateService(env.core.context).renderForAutomaticSend(conversationId('t'), template.id)).toMatchObject({ text: 'Merci, de Facebook!', withheld: ['contact.first_name'] });
  });

  it('never reads a file, even for a template stored before it could be checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pieuvre-template-'));
    try {
      const secret = join(dir, 'secret.liquid');
      writeFileSync(secret, 'TOP SECRET');
      const saved = await env.core.client.call('templates.save', { name: 'x', shortcut: 'x', variants: [{ language: 'fr', body: `{% include "${secret}" %}` }] });
      expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('cannot read other files') } });

      const template = await saveMerci();
      env.core.context.db.prepare('UPDATE template_variants SET body = ?').run(`Salut {% render "${secret}" %}`);
      env.ingest([commentItem({ n: 1, thread: 't', author, language: 'fr' })]);
      const [rendered] = await env.core.call('templates.renderForConversation', { conversationId: conversationId('t'), templateIds: [template.id] });
      expect(rendered).toMatchObject({ text: '', problem: { kind: 'include', line: 1 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('me.update', () => {
  it('changes only the fields given, and refuses a blank name or a signature past 500 characters, naming the field', async () => {
    await env.core.call('me.update', { name: 'Léa Gagnon', signature: 'Léa' });
    expect(await env.core.call('me.update', { signature: '' })).toMatchObject({ name: 'Léa Gagnon', signature: '' });
    const refused = async (input: object) => {
      const result = await env.core.client.call('me.update', input as never);
      return result.ok ? null : result.error;
    };
    expect(await refused({ name: '  ' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('name') });
    expect(await refused({ signature: 'x'.repeat(501) })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('signature') });
    expect(await env.core.call('duty.me', {})).toMatchObject({ name: 'Léa Gagnon', signature: '' });
  });
});
