import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../../testing/coreWithAccount';
import { commentItem } from '../../testing/itemBuilder';

const fx = useCoreWithAccount();

describe('app.quit', () => {
  it('tells the shell to quit', async () => {
    const told = new Promise((resolve) => fx.core.client.on('app.quit', resolve));
    expect(await fx.core.call('app.quit', {})).toEqual({});
    expect(await told).toEqual({});
  });
});

describe('app.showConversation', () => {
  it('tells every window to show the conversation a notification was about', async () => {
    fx.ingest([commentItem({ n: 1 })]);
    const [conversation] = (await fx.core.call('conversations.list', {})).items;
    const shown = new Promise<string>((resolve) => fx.core.client.on('app.showConversation', (event) => resolve(event.conversationId)));
    await fx.core.call('app.showConversation', { conversationId: conversation?.id ?? '' });
    expect(await shown).toBe(conversation?.id);
  });

  it('refuses a conversation that does not exist', async () => {
    expect(await fx.core.client.call('app.showConversation', { conversationId: 'gone' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No conversation gone.' } });
  });
});
