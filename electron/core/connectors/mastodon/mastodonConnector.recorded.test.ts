import { memoryUsageMeter } from '../../accounts/usageMeter';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingItemInput } from '../../../../shared/domain/incomingItem';
import { RecordedServer, type Route } from '../../testing/recordedServer';
import { replyRequest, syncAll, syncRequest } from '../../testing/snacMastodon';
import type { Connector, ModerationRequest } from '../connector';
import { mastodonConnectorFactory } from './mastodonConnectorFactory';
import { encodeMastodonSecret } from './mastodonSecret';
import { BOB, BRAND, DIRECT_WITH_MEDIA, INSTANCE_V2, mention, RELATIONSHIP, REPORT, status } from './recorded/mastodonPayloads';

// Recorded Mastodon 4.3 responses served on 127.0.0.1, for what snac2 cannot show: a real
// `direct` visibility, media and cards, the v2 instance, Link-header pages, batch rechecks,
// rate limits. The live scenarios are in mastodonConnector.test.ts.

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
let server: RecordedServer | null = null;
let connector: Connector | null = null;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

/** A recorded Mastodon: its brand, its v2 instance, then the test's own routes. */
async function mastodon(route: Route): Promise<Connector> {
  server = await RecordedServer.start((request) => {
    if (request.path === '/api/v1/accounts/verify_credentials') return { body: BRAND };
    if (request.path === '/api/v2/instance') return { body: INSTANCE_V2 };
    return route(request);
  });
  connector = mastodonConnectorFactory.open(
    { id: 'acct-1', platform: 'mastodon', externalId: BRAND.uri, handle: 'brulerie@mastodon.example', server: server.url },
    encodeMastodonSecret({ server: server.url, accessToken: 'recorded-token' }),
    { fetch, now: () => NOW, saveSecret: async () => {}, app: null, usage: memoryUsageMeter() },
  );
  return connector;
}

const requestsTo = (path: string) => server!.requests.filter((request) => request.path === path);
const items = (pages: { items: unknown[] }[]) => pages.flatMap((page) => page.items) as IncomingItemInput[];

describe('Mastodon connector on recorded Mastodon responses', () => {
  it('follows the Link header down to the backfill limit, with progress, then asks only for what is newer', async () => {
    const newest = 5000;
    const fullPage = Array.from({ length: 40 }, (_, index) => mention(String(newest - index), `1135${newest - index}`, { created_at: '2026-12-01T10:00:00.000Z' }));
    const olderPage = [mention('4900', '11354900', { created_at: '2026-11-28T10:00:00.000Z' }), mention('4899', '11354899', { created_at: '2026-11-20T10:00:00.000Z' })];
    const connector = await mastodon((request) => {
      if (request.path !== '/api/v1/notifications') return undefined;
      if (request.query.get('max_id') === '4950') return { body: olderPage };
      if (request.query.get('min_id') === '5002') return { body: [] };
      // Grouped notifications page by ids of their own: the header, not the last item, says where the next page starts.
      return { body: fullPage, headers: { link: `<${server!.url}/api/v1/notifications?max_id=4950>; rel="next", <${server!.url}/api/v1/notifications?min_id=5002>; rel="prev"` } };
    });
    const first = await connector.sync(syncRequest({ backfillSince: Date.parse('2026-11-25T00:00:00.000Z') }));
    expect(first).toMatchObject({ hasMore: true, cursors: { notifications: '5002', backfill: '4950' } });
    expect(first.items).toHaveLength(40);
    expect(first.progress).toBeGreaterThan(0);
    expect(first.progress).toBeLessThan(1);
    const firstQuery = requestsTo('/api/v1/notifications')[0]!.query;
    expect(firstQuery.getAll('types[]')).toEqual(['mention']);
    expect(firstQuery.getAll('exclude_types[]')).toContain('favourite');

    const rest = await syncAll(connector, syncRequest({ cursors: { notifications: '5002', backfill: '4950' }, backfillSince: Date.parse('2026-11-25T00:00:00.000Z') }));
    // The one from Nov 20 is older than the backfill: left out, and the backfill is over.
    expect(items(rest.pages).map((item) => item.ref!.id)).toEqual(['11354900']);
    expect(rest.cursors).toEqual({ notifications: '5002' });
    expect(rest.pages.at(-1)?.progress).toBe(1);

    await connector.sync(syncRequest({ cursors: rest.cursors }));
    expect(requestsTo('/api/v1/notifications').at(-1)?.query.get('min_id')).toBe('5002');
  });

  it('makes a direct status a conversation of its people, with its picture and link, and answers it directly, mentioning them all, under the outbox key', async () => {
    const connector = await mastodon((request) => {
      if (request.path === '/api/v1/notifications') return { body: [DIRECT_WITH_MEDIA] };
      if (request.path === '/api/v1/statuses' && request.method === 'POST') return { body: status('113500000000000099', { account: BRAND, visibility: 'direct', in_reply_to_id: '113500000000000001', uri: 'https://mastodon.example/users/brulerie/statuses/113500000000000099' }) };
      return undefined;
    });
    const [dm] = items([await connector.sync(syncRequest())]);
    expect(dm).toMatchObject({
      kind: 'dm',
      threadExternalId: 'dm:bob@other.example,carol@mastodon.example',
      text: '@brulerie @carol Ma commande 4412 est arrivée brisée.',
      language: 'fr',
      author: { externalId: BOB.uri, handle: 'bob@other.example', name: 'Bob Tremblay', followerCount: 87 },
      attachments: [
        { kind: 'image', url: 'https://files.mastodon.example/media_attachments/files/022/345/792/original/tasse.jpg', alt: 'Une tasse fêlée' },
        { kind: 'link', url: 'https://commandes.example/4412', alt: 'Commande 4412' },
      ],
    });
    expect(connector.limits.maxLength).toBe(1000);
    expect(connector.idempotencyWindowMs).toBe(60 * 60_000);

    const sent = await connector.reply(replyRequest({ inReplyToRef: dm!.ref!, kind: 'dm', text: 'Désolés! Un remplacement part demain.', idempotencyKey: 'outbox-42' }), AbortSignal.timeout(5_000));
    const [post] = requestsTo('/api/v1/statuses');
    expect(post?.headers['idempotency-key']).toBe('outbox-42');
    expect(post?.body).toEqual({ status: '@bob@other.example @carol@mastodon.example Désolés! Un remplacement part demain.', in_reply_to_id: '113500000000000001', visibility: 'direct' });
    expect(sent).toMatchObject({ externalId: 'https://mastodon.example/users/brulerie/statuses/113500000000000099', ref: { thread: 'thread-1', visibility: 'direct' } });
  });

  it('decodes a public mention as plain text, entities and paragraphs included', async () => {
    const connector = await mastodon((request) => (request.path === '/api/v1/notifications' ? { body: [mention('1', '2')] } : undefined));
    const [item] = items([await connector.sync(syncRequest())]);
    expect(item).toMatchObject({ kind: 'mention', direction: 'in', threadExternalId: 'https://other.example/users/bob/statuses/2', text: '@brulerie Êtes-vous ouverts dimanche\u00a0? C\'est pour 12 personnes & un chien.\n\nMerci!' });
  });

  it('rechecks recent messages in one batch: a newer edit and a deletion', async () => {
    const edited = status('11', { edited_at: '2026-12-02T09:00:00.000Z', content: '<p>Finalement, samedi.</p>' });
    const connector = await mastodon((request) => {
      if (request.path === '/api/v1/notifications') return { body: [] };
      if (request.path === '/api/v1/statuses' && request.method === 'GET') return { body: [edited] };
      return undefined;
    });
    const ref = (id: string) => ({ id, uri: null, accountId: BOB.id, author: 'bob@other.example', visibility: 'public', mentions: [], editedAt: null, thread: 't' });
    const page = await connector.sync(syncRequest({ cursors: { notifications: '9' }, recheck: [{ externalId: 'm-11', ref: ref('11') }, { externalId: 'm-12', ref: ref('12') }] }));
    expect(requestsTo('/api/v1/statuses')[0]?.query.getAll('id[]')).toEqual(['11', '12']);
    expect(page.updates).toEqual([
      { change: 'edited', platform: 'mastodon', externalId: 'm-11', text: 'Finalement, samedi.', editedAt: Date.parse('2026-12-02T09:00:00.000Z') },
      { change: 'deleted', platform: 'mastodon', externalId: 'm-12', deletedAt: NOW },
    ]);
    // The stored ref still has the old edit time: the edit is announced once all the same.
    const again = await connector.sync(syncRequest({ cursors: { notifications: '9' }, recheck: [{ externalId: 'm-11', ref: ref('11') }] }));
    expect(again.updates).toEqual([]);
  });

  it('reads statuses one by one where the batch endpoint is missing, ten a pass, taking turns', async () => {
    const connector = await mastodon((request) => {
      if (request.path === '/api/v1/notifications') return { body: [] };
      if (request.path === '/api/v1/statuses') return undefined;
      const id = request.path.split('/').at(-1)!;
      return id === '5' ? { status: 404, body: { error: 'Record not found' } } : { body: status(id) };
    });
    const recheck = Array.from({ length: 12 }, (_, index) => ({
      externalId: `m-${index}`,
      ref: { id: String(index), uri: null, accountId: BOB.id, author: 'bob@other.example', visibility: 'public', mentions: [], editedAt: null, thread: 't' },
    }));
    const first = await connector.sync(syncRequest({ cursors: { notifications: '9' }, recheck }));
    expect(first.updates).toEqual([{ change: 'deleted', platform: 'mastodon', externalId: 'm-5', deletedAt: NOW }]);
    expect(first.cursors).toEqual({ recheck: '10' });
    const second = await connector.sync(syncRequest({ cursors: { notifications: '9', recheck: '10' }, recheck }));
    expect(second.cursors).toEqual({ recheck: '8' });
    const single = server!.requests.filter((request) => /^\/api\/v1\/statuses\/\d+$/.test(request.path)).map((request) => request.path.split('/').at(-1));
    // The batch endpoint is asked once, then never again by this connector.
    expect(requestsTo('/api/v1/statuses')).toHaveLength(1);
    expect(single).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('waits as long as a 429 says, and tells server errors and refused tokens apart', async () => {
    let answer = { status: 429, headers: { 'retry-after': '120' } as Record<string, string>, body: { error: 'Too many requests' } };
    const connector = await mastodon((request) => (request.path === '/api/v1/notifications' ? answer : undefined));
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
    answer = { status: 429, headers: { 'x-ratelimit-reset': '2026-12-02T12:05:00.000Z' }, body: { error: 'Too many requests' } };
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 5 * 60_000 });
    answer = { status: 503, headers: {}, body: { error: 'Service Unavailable' } };
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'transient' });
    answer = { status: 401, headers: {}, body: { error: 'The access token was revoked' } };
    await expect(connector.sync(syncRequest())).rejects.toMatchObject({ kind: 'auth' });
  });

  it('mutes, reports with the words given, and counts deleting an already deleted reply as done', async () => {
    const connector = await mastodon((request) => {
      if (request.path === `/api/v1/accounts/${BOB.id}/mute`) return { body: RELATIONSHIP };
      if (request.path === '/api/v1/reports') return { body: REPORT };
      if (request.method === 'DELETE') return { status: 404, body: { error: 'Record not found' } };
      return undefined;
    });
    const own = { id: '113500000000000099', uri: null, accountId: BRAND.id, author: 'brulerie@mastodon.example', visibility: 'public', mentions: [], editedAt: null, thread: 't' };
    const theirs = { ...own, id: '113500000000000002', accountId: BOB.id, author: 'bob@other.example' };
    const act = (action: string, ref: typeof own) =>
      connector.moderate({ action: action as ModerationRequest['action'], messageExternalId: 'm', messageRef: ref, authorExternalId: BOB.uri, undoRef: null, reason: 'Liens frauduleux' }, AbortSignal.timeout(5_000));

    await expect(act('mute_author', theirs)).resolves.toEqual({ undoRef: null });
    await expect(act('mark_spam', theirs)).resolves.toEqual({ undoRef: null });
    expect(requestsTo('/api/v1/reports')[0]?.body).toEqual({ account_id: BOB.id, status_ids: ['113500000000000002'], comment: 'Liens frauduleux', category: 'spam' });
    await expect(act('delete_own', own)).resolves.toEqual({ undoRef: null });
    await expect(act('delete_own', theirs)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('own replies') });
    await expect(act('hide', theirs)).rejects.toMatchObject({ kind: 'permanent' });
  });
});
