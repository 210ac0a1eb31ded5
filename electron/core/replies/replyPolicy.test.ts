import { describe, expect, it } from 'vitest';
import { DEMO_LIMITS } from '../connectors/demo/demoLimits';
import { FACEBOOK_LIMITS } from '../connectors/facebook/facebookLimits';
import { INSTAGRAM_LIMITS } from '../connectors/instagram/instagramLimits';
import { checkReply, describeProblem, type ReplySituation } from './replyPolicy';

const HOUR = 3_600_000;
const LAST_DM = Date.parse('2026-11-20T15:00:00Z');
const dm: ReplySituation = { kind: 'dm', lastInboundAt: LAST_DM, answered: null, accountHandle: '@BrulerieCastor' };
const mention = (text: string): ReplySituation => ({ kind: 'mention', lastInboundAt: LAST_DM, answered: { text, isHidden: false }, accountHandle: '@BrulerieCastor' });
const at = (now: number, sendAt = now, isHumanTyped = true) => ({ now, sendAt, isHumanTyped });
const codes = (check: { problems: { code: string }[] }) => check.problems.map((problem) => problem.code);

describe('reply length, as each platform counts it', () => {
  it('X: weighted, a link is 23 and an emoji 2, over 280 refused', () => {
    const link = 'https://brulerie.ca/commande/12345/suivi?source=x';
    const fits = `${'a'.repeat(280 - 23 - 1 - 2)} ${link}👍🏽`;
    expect(checkReply(DEMO_LIMITS.x, mention('@BrulerieCastor allo'), fits, at(LAST_DM))).toMatchObject({ length: 280, maxLength: 280, problems: [] });
    const over = checkReply(DEMO_LIMITS.x, mention('@BrulerieCastor allo'), `${fits}!`, at(LAST_DM));
    expect(over.problems).toEqual([{ code: 'too_long', length: 281, max: 280, isAtLeast: false }]);
    expect(describeProblem(over.problems[0] ?? { code: 'comment_hidden' })).toBe('The reply is 281 long; this platform takes at most 280.');
  });

  it('X DM: a text whose largest possible length fits is taken, said as at most that long', () => {
    const check = checkReply(DEMO_LIMITS.x, { ...dm, lastInboundAt: null }, `brulerie.ca${'漢'.repeat(4_900)}`, at(LAST_DM));
    expect(check).toMatchObject({ length: 9_834, isLengthAtMost: true, isLengthAtLeast: false, maxLength: 10_000, problems: [] });
    // Within 23 of the limit the verdict hangs on the link: measured, X counts 9,993.
    expect(checkReply(DEMO_LIMITS.x, { ...dm, lastInboundAt: null }, `brulerie.ca${'漢'.repeat(4_985)}`, at(LAST_DM))).toMatchObject({ length: 9_993, isLengthAtMost: false, problems: [] });
  });

  it('Bluesky: graphemes, 300 for a post and 1,000 for a DM', () => {
    const family = '👨‍👩‍👧';
    const comment: ReplySituation = { ...dm, kind: 'comment', answered: { text: 'yo', isHidden: false } };
    expect(checkReply(DEMO_LIMITS.bluesky, comment, family.repeat(300), at(LAST_DM)).problems).toEqual([]);
    expect(codes(checkReply(DEMO_LIMITS.bluesky, comment, family.repeat(301), at(LAST_DM)))).toEqual(['too_long']);
    expect(checkReply(DEMO_LIMITS.bluesky, { ...dm, lastInboundAt: null }, 'é'.repeat(1000), at(LAST_DM))).toMatchObject({ maxLength: 1000, problems: [] });
  });

  it('Instagram: 2,200 characters for a comment, 1,000 UTF-8 bytes for a DM or a private reply (an é is 2)', () => {
    const comment: ReplySituation = { ...dm, kind: 'comment', answered: { text: 'yo', isHidden: false }, privateReply: { commentAt: LAST_DM, isUsed: false } };
    expect(checkReply(INSTAGRAM_LIMITS, comment, 'é'.repeat(2_200), at(LAST_DM))).toMatchObject({ length: 2_200, maxLength: 2_200, lengthUnit: 'characters', problems: [] });
    const privately = checkReply(INSTAGRAM_LIMITS, comment, 'é'.repeat(501), { ...at(LAST_DM), privately: true });
    expect(privately).toMatchObject({ length: 1_002, maxLength: 1_000, lengthUnit: 'utf8-bytes', problems: [{ code: 'too_long', length: 1_002, max: 1_000, isAtLeast: false }] });
    expect(checkReply(INSTAGRAM_LIMITS, dm, 'é'.repeat(500), at(LAST_DM))).toMatchObject({ length: 1_000, lengthUnit: 'utf8-bytes', problems: [] });
    expect(codes(checkReply(INSTAGRAM_LIMITS, dm, `${'a'.repeat(997)}👍`, at(LAST_DM)))).toEqual(['too_long']);
  });
});

describe('Meta DM windows, at the boundary minutes', () => {
  it('24 hours as usual, then HUMAN_AGENT for a person up to 7 days, then closed', () => {
    const window = { closesAt: LAST_DM + 24 * HOUR, humanAgentClosesAt: LAST_DM + 7 * 24 * HOUR };
    expect(checkReply(DEMO_LIMITS.facebook, dm, 'Bonjour!', at(LAST_DM + 24 * HOUR - 60_000))).toMatchObject({ window, needsHumanAgent: false, problems: [] });
    expect(checkReply(DEMO_LIMITS.facebook, dm, 'Bonjour!', at(LAST_DM + 24 * HOUR))).toMatchObject({ needsHumanAgent: true, problems: [] });
    expect(checkReply(DEMO_LIMITS.instagram, dm, 'Bonjour!', at(LAST_DM + 7 * 24 * HOUR - 1))).toMatchObject({ needsHumanAgent: true, problems: [] });
    expect(checkReply(DEMO_LIMITS.instagram, dm, 'Bonjour!', at(LAST_DM + 7 * 24 * HOUR)).problems).toEqual([{ code: 'window_closed', closedAt: window.humanAgentClosesAt }]);
  });

  it('an automatic reply (an away reply) gets the 24 hours only', () => {
    expect(checkReply(DEMO_LIMITS.facebook, dm, 'Absent', at(LAST_DM + 24 * HOUR - 1, LAST_DM + 24 * HOUR - 1, false)).problems).toEqual([]);
    expect(checkReply(DEMO_LIMITS.facebook, dm, 'Absent', at(LAST_DM + 24 * HOUR, LAST_DM + 24 * HOUR, false)).problems).toEqual([{ code: 'window_closed', closedAt: LAST_DM + 24 * HOUR }]);
  });

  it('warns before scheduling a reply for after the window closes', () => {
    const check = checkReply(DEMO_LIMITS.facebook, dm, 'Demain!', at(LAST_DM + HOUR, LAST_DM + 8 * 24 * HOUR));
    expect(check.problems).toEqual([{ code: 'closes_before_send', closesAt: LAST_DM + 7 * 24 * HOUR, sendAt: LAST_DM + 8 * 24 * HOUR }]);
  });

  it('no window on platforms without one, nor on comments', () => {
    expect(checkReply(DEMO_LIMITS.x, dm, 'Salut', at(LAST_DM + 30 * 24 * HOUR))).toMatchObject({ window: null, problems: [] });
    expect(checkReply(DEMO_LIMITS.facebook, { ...dm, kind: 'comment' }, 'Salut', at(LAST_DM + 30 * 24 * HOUR))).toMatchObject({ window: null, problems: [] });
  });
});

describe('who can be answered', () => {
  it('X: only posts that mention the account', () => {
    expect(checkReply(DEMO_LIMITS.x, mention('Merci @bruleriecastor!'), 'ok', at(LAST_DM)).problems).toEqual([]);
    expect(checkReply(DEMO_LIMITS.x, mention('J’adore la Brûlerie Castor'), 'ok', at(LAST_DM)).problems).toEqual([{ code: 'needs_mention', handle: '@BrulerieCastor' }]);
    expect(checkReply(DEMO_LIMITS.x, mention('@BrulerieCastorFan pas moi'), 'ok', at(LAST_DM)).problems).toHaveLength(1);
    expect(checkReply(DEMO_LIMITS.mastodon, mention('J’adore la Brûlerie Castor'), 'ok', at(LAST_DM)).problems).toEqual([]);
  });

  it('Instagram: a hidden comment takes no reply', () => {
    const hidden: ReplySituation = { kind: 'comment', lastInboundAt: LAST_DM, answered: { text: 'bof', isHidden: true }, accountHandle: '@castor' };
    expect(checkReply(DEMO_LIMITS.instagram, hidden, 'Merci', at(LAST_DM)).problems).toEqual([{ code: 'comment_hidden' }]);
    expect(checkReply(DEMO_LIMITS.facebook, hidden, 'Merci', at(LAST_DM)).problems).toEqual([]);
  });
});

describe('private replies (Meta: once per comment, within 7 days of it)', () => {
  const COMMENT_AT = LAST_DM;
  const comment = (isUsed = false): ReplySituation => ({ kind: 'comment', lastInboundAt: LAST_DM, answered: { text: 'Ma commande?', isHidden: false }, accountHandle: '@castor', privateReply: { commentAt: COMMENT_AT, isUsed } });
  const privately = (now: number, sendAt = now) => ({ now, sendAt, isHumanTyped: true, privately: true });
  const closesAt = COMMENT_AT + 7 * 24 * HOUR;

  it('are offered on Facebook comments only, measured as a Messenger text', () => {
    expect(checkReply(FACEBOOK_LIMITS, comment(), 'Bonjour', privately(COMMENT_AT))).toMatchObject({ privateReply: { closesAt, isUsed: false }, maxLength: 2_000, problems: [] });
    expect(checkReply(FACEBOOK_LIMITS, comment(), 'Bonjour', at(COMMENT_AT))).toMatchObject({ privateReply: { closesAt }, maxLength: 8_000 });
    expect(checkReply(FACEBOOK_LIMITS, { ...dm, privateReply: null }, 'Bonjour', at(LAST_DM)).privateReply).toBeNull();
    expect(checkReply(DEMO_LIMITS.youtube, comment(), 'Bonjour', privately(COMMENT_AT))).toMatchObject({ privateReply: null, problems: [{ code: 'private_reply_unavailable' }] });
    expect(codes(checkReply(FACEBOOK_LIMITS, comment(), 'é'.repeat(2_001), privately(COMMENT_AT)))).toEqual(['too_long']);
  });

  it('are refused once one is used, past the 7 days, or scheduled past them', () => {
    expect(checkReply(FACEBOOK_LIMITS, comment(true), 'Bonjour', privately(COMMENT_AT)).problems).toEqual([{ code: 'private_reply_used' }]);
    expect(checkReply(FACEBOOK_LIMITS, comment(), 'Bonjour', privately(closesAt - 60_000)).problems).toEqual([]);
    expect(checkReply(FACEBOOK_LIMITS, comment(), 'Bonjour', privately(closesAt)).problems).toEqual([{ code: 'private_reply_closed', closedAt: closesAt }]);
    expect(checkReply(FACEBOOK_LIMITS, comment(), 'Bonjour', privately(closesAt - HOUR, closesAt + HOUR)).problems).toEqual([{ code: 'closes_before_send', closesAt, sendAt: closesAt + HOUR }]);
    expect(describeProblem({ code: 'private_reply_closed', closedAt: closesAt })).toBe('A private reply to this comment was possible until 2026-11-27 15:00 UTC (7 days after it).');
  });
});
