import { afterEach, describe, expect, it } from 'vitest';
import { RecordedServer } from '../../../electron/core/testing/recordedServer';
import { measureRound, ratioByCpu, ratioByWall } from './measuredRound';

let server: RecordedServer | null = null;
afterEach(() => server?.close());

describe('a measured round of sync_ratio_contract', () => {
  it('counts the requests the side made through the global fetch, and puts fetch back after', async () => {
    server = await RecordedServer.start(() => ({ body: { ok: true } }));
    const { url } = server;
    const realFetch = globalThis.fetch;
    const round = await measureRound(async () => {
      for (let i = 0; i < 3; i++) await (await fetch(url)).json();
      return 42;
    });
    expect(round).toMatchObject({ count: 42, requests: 3 });
    expect(globalThis.fetch).toBe(realFetch);
  });

  it('at a latency, no answer comes back sooner than that after its request', async () => {
    server = await RecordedServer.start(() => ({ body: { ok: true } }));
    const { url } = server;
    const waits: number[] = [];
    await measureRound(async () => {
      for (let i = 0; i < 3; i++) {
        const asked = performance.now();
        await (await fetch(url)).json();
        waits.push(performance.now() - asked);
      }
      return 3;
    }, 40);
    // Timers never fire early; a millisecond's slack for the clocks' rounding.
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(39);
  });

  it('compares items per wall second and per CPU second', () => {
    const bare = { count: 5_000, ms: 100, cpuMs: 80, requests: 50 };
    const sync = { count: 5_000, ms: 500, cpuMs: 400, requests: 50 };
    expect(ratioByWall(sync, bare)).toBeCloseTo(0.2, 10);
    expect(ratioByCpu(sync, bare)).toBeCloseTo(0.2, 10);
    expect(ratioByCpu({ ...sync, count: 2_500 }, bare)).toBeCloseTo(0.1, 10);
  });
});
