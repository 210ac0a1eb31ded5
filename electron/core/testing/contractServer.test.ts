import { afterEach, describe, expect, it } from 'vitest';
import { consentAndRedirect, InjectedFailures, routeTable } from './contractServer';
import { RecordedServer } from './recordedServer';

let server: RecordedServer | undefined;
afterEach(() => server?.close());

describe('contract server routes', () => {
  it('matches method and path with parameters, 404s the rest, serves injected failures first and survives a malformed body', async () => {
    const failures = new InjectedFailures();
    server = await RecordedServer.start(
      failures.around(
        routeTable({
          'GET /v24.0/:pageId/conversations': (_request, params) => ({ body: { data: [], page: params.pageId } }),
          'POST /oauth/token': (request) => ({ body: { got: request.body } }),
        }),
      ),
    );
    const page = await fetch(`${server.url}/v24.0/12%3A3/conversations`);
    expect(await page.json()).toEqual({ data: [], page: '12:3' });
    expect((await fetch(`${server.url}/v24.0/12/comments`)).status).toBe(404);
    expect((await fetch(`${server.url}/v24.0/12/conversations`, { method: 'POST' })).status).toBe(404);

    failures.add((request) => request.path.endsWith('/conversations'), { status: 429, headers: { 'x-rate-limit-reset': '99' }, body: { title: 'Too Many Requests' } });
    const limited = await fetch(`${server.url}/v24.0/12/conversations`);
    expect([limited.status, limited.headers.get('x-rate-limit-reset')]).toEqual([429, '99']);
    expect((await fetch(`${server.url}/v24.0/12/conversations`)).status).toBe(200);

    const form = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code&code=abc' });
    expect(await form.json()).toEqual({ got: { grant_type: 'authorization_code', code: 'abc' } });
    const broken = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(await broken.json()).toEqual({ got: '{not json' });
    expect(server.received('GET', /conversations$/u)).toHaveLength(3);
  });

  it('sends the consenting browser back to the loopback redirect with the code and the same state, and refuses other redirects', async () => {
    server = await RecordedServer.start(routeTable({ 'GET /authorize': (request) => consentAndRedirect(request, 'code-1') }));
    const redirect = await fetch(`${server.url}/authorize?redirect_uri=${encodeURIComponent('http://127.0.0.1:5555/cb')}&state=s1`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://127.0.0.1:5555/cb?code=code-1&state=s1');
    expect((await fetch(`${server.url}/authorize?redirect_uri=${encodeURIComponent('https://evil.example/cb')}&state=s1`, { redirect: 'manual' })).status).toBe(400);
  });
});
