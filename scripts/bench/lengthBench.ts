import { DEMO_LIMITS } from '../../electron/core/connectors/demo/demoLimits';
import { checkReply, type ReplySituation } from '../../electron/core/replies/replyPolicy';
import { PLATFORMS } from '../../shared/domain/platform';

/**
 * The slowest single length check: texts of 100,000 characters each (the most a reply may be) of
 * every kind that costs a counter something, checked through `checkReply` as the composer and
 * the outbox do, as a comment and as a DM on every platform. The worst of several runs each.
 * Also the words twitter-text's link search used to crawl, sized to X's DM limit (10,000) so
 * their bounds leave the verdict open and they are measured: a domain then CJK characters or
 * `a-a-a…`, and labels that make no domain before or after CJK (`-.com`, `a_a_…`; see BENCHMARKS.md).
 */
const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const TEXTS: Record<string, string> = {
  'domain-like a.a.a…': fill('a.'),
  prose: fill('Bonjour! Votre commande de grains Mont-Royal part demain matin, merci de votre patience. '),
  links: fill('https://brulerie.ca/commande/12345?suivi=1 voir brulerie.ca '),
  'one word of domains x.com.x.com…': fill('x.com.'),
  'emoji and CJK': fill('☕😍👩🏽‍💻漢字 '),
  'one long word': fill('a'),
  'stacked marks': fill('Z\u0336\u0334\u0335'),
  'X DM: domain then CJK': `brulerie.ca${'漢'.repeat(4_990)}`,
  'X DM: domain then a-a-a…': `x.com,${'a-'.repeat(4_997)}`,
  'X DM: failed domain then CJK': `-.com${'漢'.repeat(4_990)}`,
  'X DM: CJK then a failed domain': `${'漢'.repeat(4_990)}-.com`,
  'X DM: a_a_a… then a domain': `${'a_'.repeat(4_990)}.com`,
  // Up to 2,000 characters X's count is always measured outright: the worst words at that size.
  'X, 2,000 characters: a.a.a…': 'a.'.repeat(1_000),
  'X, 2,000 characters: domain then CJK': `brulerie.ca${'漢'.repeat(1_989)}`,
  'X, 2,000 characters: x.com.x.com…': 'x.com.'.repeat(333),
};
const RUNS = 3;
const now = Date.now();
const situation = (kind: 'comment' | 'dm'): ReplySituation => ({ kind, lastInboundAt: now, answered: { text: '@brulerie', isHidden: false }, accountHandle: '@brulerie' });

// The first X check starts its worker and loads twitter-text: not a check a person waits on twice.
checkReply(DEMO_LIMITS.x, situation('comment'), 'warm-up', { now, sendAt: now, isHumanTyped: true });
const slowest = (text: string): number => {
  let ms = 0;
  for (const platform of PLATFORMS) {
    for (const kind of ['comment', 'dm'] as const) {
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        checkReply(DEMO_LIMITS[platform], situation(kind), text, { now, sendAt: now, isHumanTyped: true });
        ms = Math.max(ms, performance.now() - started);
      }
    }
  }
  return ms;
};
const worst = Object.fromEntries(Object.entries(TEXTS).map(([name, text]) => [name, slowest(text)]));
console.log(JSON.stringify({ worst }));
