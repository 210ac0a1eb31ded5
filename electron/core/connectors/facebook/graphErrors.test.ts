import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_MS, graphError } from './graphErrors';
import { readUsage, usageView } from '../meta/graphUsage';

const body = (code: number, subcode?: number, message = 'Meta says no') => ({ error: { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: 'Ab1' } });

describe('Graph errors as Pieuvre reads them', () => {
  it.each([
    [190, 463, 'auth'],
    [190, 460, 'auth'],
    [190, 467, 'auth'],
    [4, undefined, 'rate_limited'],
    [17, undefined, 'rate_limited'],
    [32, undefined, 'rate_limited'],
    [613, undefined, 'rate_limited'],
    [80_001, undefined, 'rate_limited'],
    [10, 2_018_278, 'permanent'],
    [551, undefined, 'permanent'],
    [10, undefined, 'permanent'],
    [200, undefined, 'permanent'],
    [368, undefined, 'permanent'],
    [100, 33, 'not_found'],
    [100, undefined, 'permanent'],
    [2, undefined, 'transient'],
  ])('code %s/%s → %s', (code, subcode, kind) => {
    expect(graphError(400, body(code, subcode), 'reading', null).kind).toBe(kind);
  });

  it('names what the Page cannot do in words, keeping Meta’s message and code', () => {
    expect(graphError(400, body(10, 2_018_278, '(#10) This message is sent outside of allowed window.'), 'sending the message', null).message).toBe(
      'sending the message: Messenger no longer lets the Page answer this person (outside the messaging window): (#10) This message is sent outside of allowed window. (code 10/2018278).',
    );
    expect(graphError(400, body(368), 'replying', null).message).toMatch(/policies/u);
    expect(graphError(400, body(551, undefined, 'This person isn’t available right now.'), 'sending the message', null).message).toBe(
      'sending the message: Messenger cannot reach this person now (they may have blocked the Page or left Messenger): This person isn’t available right now. (code 551).',
    );
  });

  it('a throttled call waits as long as X-Business-Use-Case-Usage says, else a quarter hour; a body that is not Graph’s is judged by its status', () => {
    const usage = readUsage(new Headers({ 'x-business-use-case-usage': JSON.stringify({ '104': [{ type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 }] }) }));
    expect(graphError(400, body(32), 'reading', usage)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7 * 60_000 });
    expect(graphError(400, body(4), 'reading', null)).toMatchObject({ kind: 'rate_limited', retryAfterMs: DEFAULT_THROTTLE_MS });
    expect(graphError(502, '<html>Bad Gateway</html>', 'reading', null).kind).toBe('transient');
    expect(graphError(404, '<html>Not Found</html>', 'reading', null).kind).toBe('not_found');
  });

  it('the usage headers give the rate limit the account shows: the most used of them; none means unknown', () => {
    const usage = readUsage(new Headers({ 'x-app-usage': '{"call_count":12,"total_cputime":40,"total_time":25}' }));
    expect(usageView(usage, 1_000)).toEqual({ remaining: 60, limit: 100, resetsAt: null });
    expect(readUsage(new Headers())).toBeNull();
    expect(readUsage(new Headers({ 'x-app-usage': 'not json' }))).toBeNull();
  });
});
