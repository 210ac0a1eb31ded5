import { describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/api/contract';
import { MAX_TEMPLATE_BODY } from '../../../shared/templates/templateSchema';
import { useCoreWithAccount } from '../testing/coreWithAccount';
import { createTestCore } from '../testing/testCore';

const env = useCoreWithAccount();

const merci: MethodInput<'templates.save'> = {
  name: 'Merci',
  shortcut: 'merci',
  folder: 'Politesse',
  tags: ['accueil'],
  variants: [
    { language: 'fr', body: 'Merci {{ contact.first_name | default: "à vous" }}!' },
    { language: 'en', body: 'Thanks {{ contact.first_name | default: "friend" }}!' },
  ],
};

/** The error a call fails with, as the renderer would show it. */
async function failure(method: 'templates.save' | 'templates.import', input: MethodInput<typeof method>) {
  const result = await env.core.client.call(method, input as never);
  if (result.ok) throw new Error(`${method} was expected to fail`);
  return result.error;
}

describe('templates in the core', () => {
  it('creates, lists, replaces (keeping its usage), counts a use and removes a template', async () => {
    const { core } = env;
    const created = await core.call('templates.save', merci);
    expect(created).toMatchObject({ name: 'Merci', shortcut: 'merci', folder: 'Politesse', tags: ['accueil'], usageCount: 0, lastUsedAt: null });
    expect(created.variants).toEqual([
      { language: 'fr', platform: null, body: 'Merci {{ contact.first_name | default: "à vous" }}!' },
      { language: 'en', platform: null, body: 'Thanks {{ contact.first_name | default: "friend" }}!' },
    ]);

    core.now.value += 60_000;
    const used = await core.call('templates.used', { id: created.id });
    expect(used).toMatchObject({ usageCount: 1, lastUsedAt: core.now.value });

    const replaced = await core.call('templates.save', { ...merci, id: created.id, name: 'Merci beaucoup', variants: [{ language: 'fr', body: 'Merci!' }] });
    expect(replaced).toMatchObject({ id: created.id, name: 'Merci beaucoup', usageCount: 1, variants: [{ language: 'fr', platform: null, body: 'Merci!' }] });
    expect(await core.call('templates.list', {})).toEqual([replaced]);
    expect(await core.call('templates.get', { id: created.id })).toEqual(replaced);

    expect(await core.call('templates.remove', { id: created.id })).toEqual({ removed: true });
    expect(await core.call('templates.list', {})).toEqual([]);
    expect(core.context.db.prepare('SELECT count(*) AS n FROM template_variants').get()).toEqual({ n: 0 });
  });

  it('refuses a bad template, naming the field (and the line of a body that does not parse)', async () => {
    await env.core.call('templates.save', merci);
    expect(await failure('templates.save', { ...merci, name: ' ' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('name: a name is required') });
    expect(await failure('templates.save', { ...merci, shortcut: 'mer ci' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('shortcut: use letters') });
    expect(await failure('templates.save', { ...merci, shortcut: '/Merci', name: 'Autre' })).toEqual({ code: 'conflict', message: 'shortcut: /merci is already the shortcut of “Merci”.' });
    expect(await failure('templates.save', { ...merci, shortcut: 'x', variants: [{ language: 'qq', body: 'x' }] })).toMatchObject({
      message: expect.stringContaining('variants.0.language: unknown language code'),
    });
    expect(await failure('templates.save', { ...merci, shortcut: 'x', variants: [{ language: 'fr', body: 'x'.repeat(MAX_TEMPLATE_BODY + 1) }] })).toMatchObject({
      message: expect.stringContaining(`variants.0.body: at most ${MAX_TEMPLATE_BODY} characters`),
    });
    expect(await failure('templates.save', { ...merci, shortcut: 'x', variants: [{ language: 'fr', body: 'ok' }, { language: 'en', body: 'Hi\n{% if contact.name %}there' }] })).toEqual({
      code: 'invalid_input',
      message: expect.stringMatching(/^variants\.1\.body: line 2: tag \{% if contact\.name %\} not closed/),
    });
    expect(await env.core.call('templates.list', {})).toHaveLength(1);
  });

  it('exports every template to a file that recreates them in another workspace, and re-importing updates them', async () => {
    await env.core.call('templates.save', merci);
    await env.core.call('templates.save', { name: 'Délais', shortcut: 'livraison', variants: [{ language: 'fr', body: 'De 2 à 5 jours.' }, { language: 'fr', platform: 'youtube', body: 'Voir le site.' }] });
    const file = await env.core.call('templates.export', {});
    expect(file).toMatchObject({ format: 'pieuvre.templates', version: 1, exportedAt: new Date(env.core.now.value).toISOString() });

    const other = createTestCore();
    try {
      expect(await other.call('templates.import', { file: JSON.parse(JSON.stringify(file)) })).toEqual({ created: 2, updated: 0 });
      const stripped = (templates: { name: string; shortcut: string; folder: string; tags: string[]; variants: unknown[] }[]) =>
        templates.map(({ name, shortcut, folder, tags, variants }) => ({ name, shortcut, folder, tags, variants })).sort((a, b) => a.shortcut.localeCompare(b.shortcut));
      expect(stripped(await other.call('templates.list', {}))).toEqual(stripped(file.templates));
      expect(await other.call('templates.import', { file })).toEqual({ created: 0, updated: 2 });
      expect(await other.call('templates.list', {})).toHaveLength(2);
    } finally {
      other.close();
    }
  });

  it('imports all or nothing: one bad template changes nothing, and the error names it', async () => {
    const good = { name: 'Nouveau', shortcut: 'nouveau', variants: [{ language: 'fr', body: 'Bonjour!' }] };
    const broken = { name: 'Cassé', shortcut: 'casse', variants: [{ language: 'fr', body: '{{ contact.name | nope }}' }] };
    const file = { format: 'pieuvre.templates' as const, version: 1 as const, templates: [good, broken] };
    expect(await failure('templates.import', { file })).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^templates\.1\.variants\.0\.body: line 1: undefined filter: nope/) });
    expect(await failure('templates.import', { file: { ...file, templates: [good, { ...good, name: 'Encore' }] } })).toMatchObject({
      message: 'templates.1.shortcut: /nouveau appears twice in the file.',
    });
    expect(await failure('templates.import', { file: { ...file, templates: [{ ...good, shortcut: 'a b' }] } })).toMatchObject({ message: expect.stringContaining('file.templates.0.shortcut') });
    expect(await env.core.call('templates.list', {})).toEqual([]);
  });
});
