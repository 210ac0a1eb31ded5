import { describe, expect, it } from 'vitest';
import { actionsFor, canModerate, isDestructive, MODERATION_ACTIONS, type ModeratedMessage } from './moderation';

const comment: ModeratedMessage = { kind: 'comment', direction: 'in', isHidden: false, isDeleted: false, author: { blockedAt: null, mutedAt: null } };

describe('moderation actions offered', () => {
  it('offers hide or unhide, mute or unmute, block or unblock as things stand, in menu order', () => {
    expect(actionsFor(MODERATION_ACTIONS, comment)).toEqual(['hide', 'delete', 'mute_author', 'block_author', 'report', 'mark_spam']);
    expect(actionsFor(MODERATION_ACTIONS, { ...comment, isHidden: true, author: { blockedAt: 5, mutedAt: 5 } })).toEqual([
      'unhide',
      'delete',
      'unmute_author',
      'unblock_author',
      'report',
      'mark_spam',
    ]);
  });

  it('offers on the brand’s own reply only deleting it, where the account may', () => {
    const own = { ...comment, direction: 'out' } as const;
    expect(actionsFor(MODERATION_ACTIONS, own)).toEqual(['delete_own']);
    expect(actionsFor(['delete', 'hide', 'block_author'], own)).toEqual([]);
    expect(actionsFor(['delete_own'], comment)).toEqual([]);
    expect(actionsFor(MODERATION_ACTIONS, { ...own, kind: 'dm' })).toEqual([]);
  });

  it('offers only what the account allows, nothing public-only on a DM, only what acts on the author once deleted', () => {
    expect(actionsFor(['block_author', 'mark_spam'], comment)).toEqual(['block_author', 'mark_spam']);
    expect(actionsFor(['hide', 'unhide', 'delete', 'block_author', 'report'], { ...comment, kind: 'dm' })).toEqual(['block_author', 'report']);
    expect(actionsFor(MODERATION_ACTIONS, { ...comment, isDeleted: true })).toEqual(['mute_author', 'block_author']);
    expect(actionsFor(['delete'], { ...comment, isDeleted: true })).toEqual([]);
    expect(canModerate(['hide'], 'hide', 'mention')).toBe(true);
    expect(canModerate(['hide'], 'hide', 'dm')).toBe(false);
  });

  it('asks first for what cannot be taken back in one step: deleting, blocking, reporting', () => {
    expect(MODERATION_ACTIONS.filter(isDestructive)).toEqual(['delete', 'delete_own', 'block_author', 'report', 'mark_spam']);
  });
});
