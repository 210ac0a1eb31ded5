import { afterEach, describe, expect, it } from 'vitest';
import type { Connector, ModerationRequest } from '../connector';
import { FacebookContractServer } from './contract/facebookContractServer';
import { openContractConnector, syncPass } from './contract/facebookTestKit';

// Moderation on the Graph contract server: hide, unhide, delete (twice), ban and lift the ban, and
// nothing at all for a token without the Page's MODERATE task.

const NOW = Date.now();
let server: FacebookContractServer;
let connector: Connector;
afterEach(async () => {
  connector?.close();
  await server?.close();
});

type Synced = { externalId: string; kind: string; direction: string; author: { externalId: string }; ref: Record<string, unknown> };

async function firstInbound(kind: string, tasks?: string[]): Promise<Synced> {
  server = await FacebookContractServer.start(tasks ? { tasks } : {});
  server.seed(60);
  connector = openContractConnector(server).connector;
  const items = (await syncPass(connector, {}, NOW - 7 * 86_400_000)).items as unknown as Synced[];
  return items.find((item) => item.kind === kind && item.direction === 'in')!;
}

const request = (message: Synced, action: ModerationRequest['action']): ModerationRequest => ({ action, messageExternalId: message.externalId, messageRef: message.ref, authorExternalId: message.author.externalId, undoRef: null, reason: null });
const moderate = (message: Synced, action: ModerationRequest['action']) => connector.moderate(request(message, action), AbortSignal.timeout(5_000));

describe('Facebook moderation on the Graph contract server', () => {
  it('hides and unhides a comment, each idempotent', async () => {
    const comment = await firstInbound('comment');
    const stored = () => server.comments.find((each) => each.id === comment.externalId);
    await moderate(comment, 'hide');
    await moderate(comment, 'hide');
    expect(stored()?.isHidden).toBe(true);
    await moderate(comment, 'unhide');
    expect(stored()?.isHidden).toBe(false);
    expect(server.received('POST', `/v26.0/${comment.externalId}`).map((each) => each.body)).toEqual([{ is_hidden: true }, { is_hidden: true }, { is_hidden: false }]);
  });

  it('deletes a comment; deleting it again (Graph: it does not exist) is done too', async () => {
    const comment = await firstInbound('comment');
    await moderate(comment, 'delete');
    expect(server.comments.some((each) => each.id === comment.externalId)).toBe(false);
    await expect(moderate(comment, 'delete')).resolves.toEqual({ undoRef: null });
    expect(server.received('DELETE', `/v26.0/${comment.externalId}`)).toHaveLength(2);
  });

  it('bans a commenter from the Page by id and a Messenger author by PSID, and lifts the ban', async () => {
    const comment = await firstInbound('comment');
    await moderate(comment, 'block_author');
    expect(server.received('POST', `/v26.0/${server.page.id}/blocked`).at(-1)?.body).toEqual({ user: comment.author.externalId });
    expect(server.blocked.has(comment.author.externalId)).toBe(true);
    await moderate(comment, 'unblock_author');
    expect(server.blocked.has(comment.author.externalId)).toBe(false);
    const dm = (await syncPass(connector, {}, NOW - 7 * 86_400_000)).items.find((item) => item.kind === 'dm') as unknown as Synced;
    await moderate({ ...dm, author: { externalId: String(dm.ref.psid) } }, 'block_author');
    expect(server.received('POST', `/v26.0/${server.page.id}/blocked`).at(-1)?.body).toEqual({ psid: dm.ref.psid });
  });

  it('a Page token without the MODERATE task offers nothing and refuses, saying why', async () => {
    const comment = await firstInbound('comment', ['ANALYZE', 'MESSAGING']);
    expect(connector.moderation).toEqual([]);
    await expect(moderate(comment, 'hide')).rejects.toMatchObject({ kind: 'permanent', message: expect.stringMatching(/MODERATE/u) });
    expect(server.received('POST', `/v26.0/${comment.externalId}`)).toEqual([]);
  });
});
