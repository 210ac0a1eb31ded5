import { describe, expect, it } from 'vitest';
import { graphError } from '../facebook/graphErrors';
import { usageOf } from '../instagram/graphUsage';
import { graphFailure } from '../instagram/graphError';
import { readUsage } from './graphUsage';

const throttled = (code: number) => ({ error: { message: 'Application request limit reached', code } });

describe('Meta’s usage headers and throttling codes, one reading for Facebook and Instagram', () => {
  it('a field that is not a number counts as 0 instead of losing the whole header', () => {
    const headers = new Headers({ 'x-business-use-case-usage': JSON.stringify({ '104': [{ type: 'pages', call_count: 'lots', total_time: 91, estimated_time_to_regain_access: 3 }] }) });
    expect(readUsage(headers)).toEqual({ usedPercent: 91, regainAccessMinutes: 3 });
    expect(usageOf(headers, 1_000)).toEqual({ percentUsed: 91, resetsAt: 1_000 + 3 * 60_000 });
  });

  it('every business-use-case code (80001 to 80099) is throttling, on both platforms', () => {
    for (const code of [80_001, 80_002, 80_006]) {
      expect(graphError(400, throttled(code), 'reading', null).kind).toBe('rate_limited');
      expect(graphFailure(400, new Headers(), throttled(code), 'GET /me', 0).kind).toBe('rate_limited');
    }
  });
});
