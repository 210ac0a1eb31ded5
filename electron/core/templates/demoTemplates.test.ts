import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const shortcuts = async () => (await core.call('templates.list', {})).map((template) => template.shortcut).sort();

describe('demo templates', () => {
  it('come once with the demo, in French and English, and render for every demo conversation', async () => {
    await core.call('demo.start', { seed: 7 });
    const templates = await core.call('templates.list', {});
    expect(templates.length).toBeGreaterThanOrEqual(5);
    for (const template of templates) expect(new Set(template.variants.map((variant) => variant.language))).toEqual(new Set(['fr', 'en']));

    const inbox = await core.call('conversations.list', { status: 'open', limit: 40 });
    const languages = new Set<string>();
    for (const conversation of inbox.items) {
      for (const rendered of await core.call('templates.renderForConversation', { conversationId: conversation.id })) {
        expect(rendered).toMatchObject({ problem: null, unknownVariables: [] });
        expect(rendered.text).not.toMatch(/\{\{|\{%/);
        languages.add(rendered.language);
      }
    }
    expect(languages).toEqual(new Set(['fr', 'en']));
  });

  it('do not come back once deleted, leave a shortcut the person uses alone, and stay when the demo goes', async () => {
    await core.call('templates.save', { name: 'Mon merci', shortcut: 'merci', variants: [{ language: 'fr', body: 'Merci à vous!' }] });
    await core.call('demo.start', { seed: 7 });
    const seeded = await shortcuts();
    expect((await core.call('templates.list', {})).filter((template) => template.shortcut === 'merci').map((template) => template.name)).toEqual(['Mon merci']);

    const [first] = (await core.call('templates.list', {})).filter((template) => template.shortcut !== 'merci');
    await core.call('templates.remove', { id: first?.id ?? '' });
    core.demo.stop();
    await core.call('demo.start', { seed: 7 });
    expect(await shortcuts()).toEqual(seeded.filter((shortcut) => shortcut !== first?.shortcut));

    await core.call('demo.remove', {});
    expect(await shortcuts()).toEqual(seeded.filter((shortcut) => shortcut !== first?.shortcut));
  });
});
