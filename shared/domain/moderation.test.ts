import { describe, expect, it } from 'vitest';
import { actionsFor, canModerate, isDestructive, MODERATION_ACTIONS } from './moderation';

const comment = { kind: 'comment', isHidden: false, isDeleted: false } as const;
/** The actions these rules were written for; the Bluesky and Mastodon ones (issue #10) come on top. */
const FIRST_ACTIONS = MODERATION_ACTIONS.filter((action) => ['hide', 'unhide', 'delete', 'block_author', 'mark_spam'].includes(action));

describe('moderation actions offered', () => {
  it('offers hide or unhide as the message stands, in menu order', () => {
    expect(actionsFor(FIRST_ACTIONS, comment)).toEqual(['hide', 'delete', 'block_author', 'mark_spam']);
    expect(actionsFor(FIRST_ACTIONS, { ...comment, isHidden: true })).toEqual(['unhide', 'delete', 'block_author', 'mark_spam']);
  });

  it('offers only what the platform allows, nothing public-only on a DM, only blocking once deleted', () => {
    expect(actionsFor(['block_author', 'mark_spam'], comment)).toEqual(['block_author', 'mark_spam']);
    expect(actionsFor(['hide', 'unhide', 'delete', 'block_author'], { ...comment, kind: 'dm' })).toEqual(['block_author']);
    expect(actionsFor(FIRST_ACTIONS, { ...comment, isDeleted: true })).toEqual(['block_author']);
    expect(actionsFor(['delete'], { ...comment, isDeleted: true })).toEqual([]);
    expect(canModerate(['hide'], 'hide', 'mention')).toBe(true);
    expect(canModerate(['hide'], 'hide', 'dm')).toBe(false);
  });

  it('counts everything but hiding and unhiding as destructive', () => {
    expect(FIRST_ACTIONS.filter(isDestructive)).toEqual(['delete', 'block_author', 'mark_spam']);
  });
});
