import { describe, expect, it } from 'vitest';
import { useCoreWithAccount } from '../../testing/coreWithAccount';
import { commentItem } from '../../testing/itemBuilder';
import { memoryLog } from '../../testing/memoryLog';
import { createTestCore } from '../../testing/testCore';
import { MAX_REPORTED_MESSAGE, MAX_REPORTED_STACK } from '../../../../shared/api/app';

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

describe('app.log', () => {
  const report = { level: 'error', source: 'unhandledrejection', message: 'Cannot read properties of undefined' } as const;

  it('writes what a window reports to the core’s log, redacted like every line', async () => {
    const { log, lines } = memoryLog();
    const core = createTestCore({ log });
    try {
      const stack = 'TypeError: boom\n    at fetch (https://api.example/?access_token=EAAB-secret)';
      expect(await core.call('app.log', { ...report, stack })).toEqual({ isLogged: true });
      expect(lines).toEqual([
        expect.objectContaining({ level: 'error', msg: 'A window reported an error nobody handled.', from: 'renderer', source: 'unhandledrejection', err: { type: 'WindowError', message: report.message, stack: expect.stringContaining('access_token=[redacted]') } }),
      ]);
      expect(JSON.stringify(lines)).not.toContain('EAAB-secret');
    } finally {
      core.close();
    }
  });

  it('refuses a report over the size limit or of an unknown kind', async () => {
    const tooLong = await fx.core.client.call('app.log', { ...report, message: 'x'.repeat(MAX_REPORTED_MESSAGE + 1) });
    expect(tooLong.ok ? null : tooLong.error.code).toBe('invalid_input');
    const stack = await fx.core.client.call('app.log', { ...report, stack: 'x'.repeat(MAX_REPORTED_STACK + 1) });
    expect(stack.ok ? null : stack.error.code).toBe('invalid_input');
    const level = await fx.core.client.call('app.log', { ...report, level: 'fatal' as 'error' });
    expect(level.ok ? null : level.error.code).toBe('invalid_input');
  });

  it('logs at most 30 reports a minute, then says how many it dropped', async () => {
    const { log, lines } = memoryLog();
    const core = createTestCore({ log });
    try {
      const answers = [];
      for (let n = 0; n < 35; n += 1) answers.push((await core.call('app.log', report)).isLogged);
      expect(answers.filter(Boolean)).toHaveLength(30);
      core.now.value += 60_000;
      expect(await core.call('app.log', report)).toEqual({ isLogged: true });
      expect(lines.filter((line) => line.from === 'renderer')).toHaveLength(31);
      expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'A window reported more errors than are logged.', dropped: 5 }));
    } finally {
      core.close();
    }
  });
});
