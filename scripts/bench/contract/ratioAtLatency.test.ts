import { describe, expect, it } from 'vitest';
import { ratioAtLatency, ratioByCpu } from './ratioAtLatency';

describe('sync_ratio_contract at a platform’s latency', () => {
  // 5,000 items in 50 requests: the bare loop in 100 ms, Pieuvre in 500 ms (ratio 0.2 from memory).
  const bare = { count: 5_000, ms: 100, cpuMs: 80, requests: 50 };
  const sync = { count: 5_000, ms: 500, cpuMs: 400, requests: 50 };

  it('is the measured ratio when requests cost nothing more', () => {
    expect(ratioAtLatency(sync, bare, 0)).toBeCloseTo(0.2, 10);
  });

  it('charges each side its own requests one after the other', () => {
    // 50 × 100 ms: bare 5,100 ms, Pieuvre 5,500 ms.
    expect(ratioAtLatency(sync, bare, 100)).toBeCloseTo(5_100 / 5_500, 10);
    // A side that needs more requests for the same items pays for them.
    expect(ratioAtLatency({ ...sync, requests: 60 }, bare, 100)).toBeCloseTo(5_100 / 6_500, 10);
  });

  it('compares items per CPU second when asked by CPU time', () => {
    expect(ratioByCpu(sync, bare)).toBeCloseTo(0.2, 10);
    expect(ratioByCpu({ ...sync, count: 2_500 }, bare)).toBeCloseTo(0.1, 10);
  });
});
