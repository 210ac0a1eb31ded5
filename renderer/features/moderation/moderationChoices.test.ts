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

  it('offers a bulk only what every selected platform allows, nothing for none', () => {
    const capabilities = { facebook: ['hide', 'unhide', 'delete'], mastodon: ['block_author', 'mark_spam'], bluesky: ['hide', 'unhide', 'block_author'] } as const;
    expect(allowedForAll([{ platform: 'facebook', kind: 'comment' }, { platform: 'bluesky', kind: 'mention' }], capabilities)).toEqual(['hide', 'unhide']);
    expect(allowedForAll([{ platform: 'mastodon', kind: 'dm' }, { platform: 'bluesky', kind: 'dm' }], capabilities)).toEqual(['block_author']);
    expect(allowedForAll([{ platform: 'facebook', kind: 'comment' }, { platform: 'mastodon', kind: 'mention' }], capabilities)).toEqual([]);
    expect(allowedForAll([{ platform: 'linkedin', kind: 'comment' }], capabilities)).toEqual([]);
    expect(allowedForAll([], capabilities)).toEqual([]);
  });
});
