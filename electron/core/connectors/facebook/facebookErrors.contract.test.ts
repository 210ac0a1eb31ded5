import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorError} from '../connector';
import { type Connector } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { graphErrorAnswer, pageRateLimited, serverError } from './contract/graphAnswers';
import { openContractConnector, syncPass, syncRequest } from './contract/facebookTestKit';
import { decodeFacebookSecret } from './facebookSecret';

// Meta's documented errors from the contract server, and what each means for the account: a rate
// limit pauses it until the time Meta gives, an invalidated Page token is renewed from the user
// token and the sync goes on, a revoked grant needs reconnecting, a 5xx is tried again later.

const SINCE = Date.now() - 7 * 86_400_000;
let server: FacebookContractServer;
let connector: Connector;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

async function start() {
  server = await FacebookContractServer.start();
  server.seed(40);
  const opened = openContractConnector(server);
  connector = opened.connector;
  return opened;
}

const failure = (promise: Promise<unknown>): Promise<ConnectorError> => promise.then(() => expect.fail('expected a failure'), (error: unknown) => error as ConnectorError);

describe('Facebook errors from the Graph contract server', () => {
  it('a Page rate limit (code 32) pauses the account for the minutes X-Business-Use-Case-Usage gives, and the account shows it', async () => {
    await start();
    server.failures.add((request) => request.path.endsWith('/feed'), pageRateLimited(server.page.id, 12));
    const error = await failure(connector.sync(syncRequest({}, SINCE)));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12 * 60_000 });
    expect(connector.limitsView?.()).toMatchObject({ budget: null, rateLimit: { remaining: 0, limit: 100 }, cannot: ['meta_conversations_recent_only', 'meta_dm_window'] });
    expect(connector.limitsView?.().rateLimit?.resetsAt).toBeGreaterThan(Date.now() + 11 * 60_000);
  });

  it('an invalidated Page token (190) is renewed from the long-lived user token, stored, and the sync goes on', async () => {
    const { saved } = await start();
    server.pageToken = 'page-token-2';
    const pass = await syncPass(connector, {}, SINCE);
    expect(pass.items).toHaveLength(40);
    expect(saved.map((secret) => decodeFacebookSecret(secret).pageToken)).toEqual(['page-token-2']);
    expect(server.received('GET', `/v26.0/${server.page.id}`)).toHaveLength(1);
  });

  it('a revoked grant (the user token refused too) stops the account: it needs reconnecting', async () => {
    await start();
    server.pageToken = 'page-token-2';
    server.userToken = 'another-session';
    expect(await failure(connector.sync(syncRequest({}, SINCE)))).toMatchObject({ kind: 'auth', message: expect.stringMatching(/Session has expired/u) });
  });

  it('conversations Meta refuses to this token (no messaging task) leave the comments syncing and the account saying why', async () => {
    await start();
    server.failures.add((request) => request.path.endsWith('/conversations'), graphErrorAnswer(403, 200, '(#200) Requires pages_messaging permission to manage the object'));
    const pass = await syncPass(connector, {}, SINCE);
    expect(pass.items.every((item) => item.kind !== 'dm')).toBe(true);
    expect(pass.items).toHaveLength(server.comments.length);
    expect(pass.pages[0]?.notice).toMatchObject({ code: 'dms_not_allowed', message: expect.stringContaining('pages_messaging') });
  });

  it('a 5xx is passing trouble: transient, tried again later', async () => {
    await start();
    server.failures.add(() => true, serverError());
    expect(await failure(connector.sync(syncRequest({}, SINCE)))).toMatchObject({ kind: 'transient' });
  });

  it('the live check reads who the token is, one post and one conversation, and stores nothing', async () => {
    await start();
    const steps = await connector.check!(AbortSignal.timeout(5_000));
    expect(steps.map((step) => [step.step, step.ok])).toEqual([['token', true], ['posts', true], ['conversations', true], ['tasks', true]]);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});
