import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../connectors/connector';
import { callPlatform } from './platformCall';

const never = () => new Promise<never>(() => undefined);

describe('a platform call', () => {
  it('is abandoned at its timeout as a transient error, even when the connector ignores its signal', async () => {
    const stop = new AbortController();
    const call = callPlatform(never, { timeoutMs: 30, stop: stop.signal });
    await expect(call).rejects.toBeInstanceOf(ConnectorError);
    await expect(call).rejects.toMatchObject({ kind: 'transient', message: 'The platform did not answer within 1 s.' });
  });

  it('ends when the worker stops, with the stop’s reason rather than a timeout', async () => {
    const stop = new AbortController();
    const call = callPlatform(never, { timeoutMs: 60_000, stop: stop.signal });
    stop.abort(new Error('The outbox stopped.'));
    await expect(call).rejects.toThrow('The outbox stopped.');
    await expect(callPlatform(never, { timeoutMs: 60_000, stop: stop.signal })).rejects.toThrow('The outbox stopped.');
  });

  it('hands back the answer, and the platform’s own error untouched', async () => {
    const stop = new AbortController().signal;
    expect(await callPlatform(async () => 'posted', { timeoutMs: 1_000, stop })).toBe('posted');
    const refused = new ConnectorError('429', 'rate_limited', 5_000);
    await expect(callPlatform(async () => Promise.reject(refused), { timeoutMs: 1_000, stop })).rejects.toBe(refused);
  });
});
