import { describe, expect, it } from 'vitest';
import { MAX_STRING, REDACTED, redactForLog, scrubText } from './redact';

describe('redactForLog', () => {
  it('masks what people wrote and credentials by key, at any depth, and keeps the rest', () => {
    const redacted = redactForLog({
      conversationId: 'c-1',
      item: { externalId: 'm-9', text: 'Mon colis est arrivé brisé', author: { handle: '@marc' } },
      request: { headers: { Authorization: 'Bearer abc', 'content-type': 'json' }, body: '{"message":"hi"}' },
      account: { accessToken: 'EAAB123', refresh_token: 'r-456', password: 'hunter2', clientSecret: 's' },
      drafts: [{ draft: 'Bonjour!' }],
      graphComment: { id: '1_2', message: 'Votre produit est nul', from: { id: '9' } },
    });
    expect(redacted).toEqual({
      conversationId: 'c-1',
      item: { externalId: 'm-9', text: REDACTED, author: { handle: '@marc' } },
      request: { headers: { Authorization: REDACTED, 'content-type': 'json' }, body: REDACTED },
      account: { accessToken: REDACTED, refresh_token: REDACTED, password: REDACTED, clientSecret: REDACTED },
      drafts: [{ draft: REDACTED }],
      graphComment: { id: '1_2', message: REDACTED, from: { id: '9' } },
    });
  });

  it('keeps an error as its type, message, code, stack and cause, credentials scrubbed', () => {
    const cause = Object.assign(new Error('GET /me?access_token=EAAB123 failed'), { code: 'ECONNRESET' });
    const error = new TypeError('Token refused', { cause });
    const redacted = redactForLog({ err: error }) as { err: Record<string, unknown> };
    expect(redacted.err).toMatchObject({ type: 'TypeError', message: 'Token refused', cause: { type: 'Error', code: 'ECONNRESET' } });
    expect(redacted.err.stack).toContain('TypeError: Token refused');
    expect(JSON.stringify(redacted)).not.toContain('EAAB123');
  });

  it('survives cycles, depth, long arrays and values JSON cannot hold', () => {
    const loop: Record<string, unknown> = { id: 1 };
    loop.self = loop;
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    const redacted = redactForLog({ loop, deep, many: Array.from({ length: 60 }, (_, n) => n), big: 10n, run: () => 1 });
    expect(redacted).toMatchObject({ loop: { id: 1, self: '[circular]' }, big: '10', run: '[function]' });
    expect(JSON.stringify(redacted)).toContain('[too deep]');
    expect((redacted as { many: unknown[] }).many).toHaveLength(51);
  });
});

describe('scrubText', () => {
  it('masks credentials quoted in free text, whatever their label', () => {
    const text = [
      'Authorization: Bearer eyJhbGciOi.payload.sig',
      'https://graph.example/v25.0/me?fields=id&access_token=EAAB123&x=1',
      '{"refresh_token":"r-456","id":"7"}',
      'password=hunter2; cookie: sid=42',
    ].join('\n');
    const scrubbed = scrubText(text);
    for (const secret of ['eyJhbGciOi', 'EAAB123', 'r-456', 'hunter2', 'sid=42']) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('fields=id&access_token=[redacted]&x=1');
    expect(scrubbed).toContain('"id":"7"');
  });

  it('masks a Bluesky session, by key and as a bare token in free text', () => {
    const jwt = 'eyJ0eXAiOiJhdCtqd3QiLCJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImNvbS5hdHByb3RvLmFwcFBhc3MifQ.c2lnbmF0dXJl';
    const session = { did: 'did:plc:abc', accessJwt: jwt, refreshJwt: jwt, appPassword: 'abcd-efgh-ijkl-mnop' };
    expect(redactForLog(session)).toEqual({ did: 'did:plc:abc', accessJwt: REDACTED, refreshJwt: REDACTED, appPassword: REDACTED });
    const scrubbed = scrubText(`refresh failed for {"accessJwt":"${jwt}"} and then ${jwt} again`);
    expect(scrubbed).not.toContain('c2lnbmF0dXJl');
    expect(scrubbed).toContain('refresh failed for');
  });

  it('cuts a very long text, saying how long it was', () => {
    const scrubbed = scrubText('x'.repeat(MAX_STRING + 500));
    expect(scrubbed).toHaveLength(MAX_STRING + ' (2500 characters)'.length + 1);
    expect(scrubbed.endsWith(`… (${MAX_STRING + 500} characters)`)).toBe(true);
  });
});
