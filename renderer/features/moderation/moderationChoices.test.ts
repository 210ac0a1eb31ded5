import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/domain/entities';
import { allowedForAll, latestInbound } from './moderationChoices';

const message = (id: string, direction: 'in' | 'out', createdAt: number) => ({ id, direction, createdAt }) as Message;

describe('moderation choices', () => {
  it('finds the latest message from someone else, the later one on a tie', () => {
    expect(latestInbound([message('1', 'in', 10), message('2', 'in', 20), message('3', 'out', 30)])?.id).toBe('2');
    expect(latestInbound([message('1', 'in', 10), message('2', 'in', 10)])?.id).toBe('2');
    expect(latestInbound([message('1', 'out', 10)])).toBeNull();
  });

  it('offers a bulk only what every selected account allows, nothing for none', () => {
    const capabilities = { page: ['hide', 'unhide', 'delete'], toot: ['block_author', 'mark_spam'], sky: ['hide', 'unhide', 'block_author'] } as const;
    expect(allowedForAll([{ accountId: 'page', kind: 'comment' }, { accountId: 'sky', kind: 'mention' }], capabilities)).toEqual(['hide', 'unhide']);
    expect(allowedForAll([{ accountId: 'toot', kind: 'dm' }, { accountId: 'sky', kind: 'dm' }], capabilities)).toEqual(['block_author']);
    expect(allowedForAll([{ accountId: 'page', kind: 'comment' }, { accountId: 'toot', kind: 'mention' }], capabilities)).toEqual([]);
    expect(allowedForAll([{ accountId: 'gone', kind: 'comment' }], capabilities)).toEqual([]);
    expect(allowedForAll([], capabilities)).toEqual([]);
  });

  it('goes by each account’s rights, not its platform’s: two Bluesky accounts, two answers', () => {
    const capabilities = { brand: ['hide', 'report'], helper: ['report'] } as const;
    expect(allowedForAll([{ accountId: 'brand', kind: 'comment' }], capabilities)).toEqual(['hide', 'report']);
    expect(allowedForAll([{ accountId: 'brand', kind: 'comment' }, { accountId: 'helper', kind: 'comment' }], capabilities)).toEqual(['report']);
  });

  it('never offers in a bulk what acts on the brand’s own reply, nor undoing a block or a mute', () => {
    const capabilities = { brand: ['delete_own', 'unblock_author', 'unmute_author', 'mute_author'] } as const;
    expect(allowedForAll([{ accountId: 'brand', kind: 'comment' }], capabilities)).toEqual(['mute_author']);
  });
});
