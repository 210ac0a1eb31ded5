import type { DemoRandom } from './demoRandom';
import type { MessageCategory } from './languageCorpus';

/** Who writes a message: the person who opened the conversation, the brand, or a bystander (2, 3). */
export const OPENER = 0;
export const BRAND = 1;
export const FIRST_BYSTANDER = 2;

/** What a message does in its conversation; demoText turns each into words. */
export type Step =
  // The opener
  | 'open'
  | 'also'
  | 'bump'
  | 'thanks'
  | 'details'
  | 'satisfied'
  | 'praiseReply'
  | 'crisisAck'
  | 'crisisFollowUp'
  | 'spamAgain'
  | 'hostileAgain'
  | 'calmDown'
  | 'emoji'
  // The brand
  | 'answer'
  | 'thank'
  | 'apologise'
  | 'fix'
  | 'escalate'
  | 'update'
  | 'crisisNews'
  | 'deEscalate'
  // Someone else under the opener's comment
  | 'bystander';

/**
 * One message of a conversation's plan. `subject` indexes the subjects of the conversation's
 * topic (-1: a long complaint's own); `replyTo` is the position of the message it answers
 * (-1: none).
 */
export type Beat = Readonly<{ role: number; step: Step; subject: number; replyTo: number }>;

type Move = readonly [role: typeof OPENER | typeof BRAND, step: Step, share: number];

/**
 * What follows an opener's message, per topic: a question is answered then thanked for, a
 * complaint gets an apology, the details asked for, then a fix… `share` is how often the move
 * happens; a skipped move lets the next round start. Spam and hostile have no rounds.
 */
const COMPLAINT_ARC: readonly Move[] = [
  [BRAND, 'apologise', 1],
  [OPENER, 'details', 1],
  [BRAND, 'fix', 1],
  [OPENER, 'satisfied', 0.75],
];

const ROUNDS: Readonly<Record<MessageCategory, readonly Move[]>> = {
  question: [
    [BRAND, 'answer', 1],
    [OPENER, 'thanks', 0.7],
  ],
  praise: [
    [BRAND, 'thank', 1],
    [OPENER, 'praiseReply', 0.6],
  ],
  emoji: [
    [BRAND, 'thank', 1],
    [OPENER, 'emoji', 0.5],
  ],
  complaint: COMPLAINT_ARC,
  // A long opener is a complaint told at length: the same arc follows.
  long: COMPLAINT_ARC,
  crisis: [
    [BRAND, 'escalate', 1],
    [OPENER, 'details', 1],
    [BRAND, 'update', 1],
    [OPENER, 'crisisAck', 0.8],
  ],
  spam: [],
  hostile: [],
};

/** How a later round starts: another question, praise or complaint; news on a safety report. */
const NEXT_ROUND: Readonly<Record<MessageCategory, Step>> = {
  question: 'also',
  praise: 'also',
  complaint: 'also',
  long: 'also',
  emoji: 'emoji',
  crisis: 'crisisFollowUp',
  spam: 'spamAgain',
  hostile: 'hostileAgain',
};
/** What follows it: the brand answers again, except to more emoji. */
const LATER_ROUNDS: Readonly<Record<MessageCategory, readonly Move[]>> = { ...ROUNDS, emoji: [], crisis: [[BRAND, 'crisisNews', 1]] };

/** What the opener adds while the brand has not answered yet. */
const WAITING: Readonly<Record<MessageCategory, Step>> = { ...NEXT_ROUND, question: 'bump', complaint: 'bump', long: 'bump', crisis: 'bump' };

/** How often the brand has not answered a short conversation at all (yet). */
const UNANSWERED_SHARE: Readonly<Record<MessageCategory, number>> = {
  question: 0.15,
  praise: 0.3,
  emoji: 0.45,
  complaint: 0.15,
  long: 0.15,
  crisis: 0.05,
  spam: 1,
  hostile: 1,
};
const UNANSWERED_MAX_SIZE = 4;
/** How many messages come before the brand's first answer, when it answers. */
const BRAND_DELAYS: readonly (readonly [number, number])[] = [
  [0, 6],
  [1, 3],
  [2, 1],
];
/** How often a bystander chimes in before a message, when the conversation has any. */
const BYSTANDER_SHARE = 0.25;
/** Spam under a comment draws warnings; hostility draws people who defend the brand. */
const SPAM_BYSTANDER_SHARE = 0.6;
const HOSTILE_BYSTANDER_SHARE = 0.4;
/** How often a hostile conversation gets the brand's one calm reply, and how the opener takes it. */
const DE_ESCALATION_SHARE = 0.3;
const CALM_DOWN_SHARE = 0.6;

/**
 * The plan of a conversation of `size` messages on `topic`: who writes each message and what
 * it does. The brand never writes first nor twice in a row, never answers spam, and answers
 * hostility at most once. Bystanders (up to `bystanders` of them) only ever join, never lead.
 * `subjects.all` is how many subjects the topic has in the conversation's language, and the
 * first `subjects.opening` of them may open it: later rounds cycle through the others from
 * there, so a subject does not come back soon.
 */
export function planArc(
  random: DemoRandom,
  topic: MessageCategory,
  size: number,
  bystanders: number,
  subjects: Readonly<{ all: number; opening: number }>,
): Beat[] {
  const plan = new ArcPlan(random, bystanders);
  const first = random.int(subjects.opening);
  const count = subjects.all;
  // Round k's subject: a long complaint's own first, then the complaints cycled through; a
  // safety report stays the subject of its conversation.
  const subjectOf = topic === 'long' ? longSubject : topic === 'crisis' ? firstSubject : cycledSubject;
  let round = 0;
  plan.push(OPENER, 'open', subjectOf(first, count, round));
  if (topic === 'spam' || topic === 'hostile') {
    planNoise(plan, random, topic, size);
    return plan.beats;
  }
  let waiting = size <= UNANSWERED_MAX_SIZE && random.chance(UNANSWERED_SHARE[topic]) ? size : random.weighted(BRAND_DELAYS);
  let moves = ROUNDS[topic];
  let next = 0;
  while (plan.beats.length < size) {
    if (plan.bystanderMayJoin() && random.chance(BYSTANDER_SHARE)) {
      plan.pushBystander();
      continue;
    }
    const move = moves[next];
    if (move === undefined) {
      round++;
      plan.push(OPENER, NEXT_ROUND[topic], subjectOf(first, count, round));
      moves = LATER_ROUNDS[topic];
      next = 0;
      continue;
    }
    const [role, step, share] = move;
    if (role === BRAND && waiting > 0) {
      waiting--;
      if (plan.bystanderMayJoin() && random.chance(0.5)) plan.pushBystander();
      else plan.push(OPENER, WAITING[topic], WAITING[topic] === 'also' ? subjectOf(first, count, ++round) : subjectOf(first, count, round));
      continue;
    }
    next++;
    if (share < 1 && !random.chance(share)) continue;
    plan.push(role, step, subjectOf(first, count, round));
  }
  return plan.beats;
}

const firstSubject = (first: number): number => first;
const cycledSubject = (first: number, count: number, round: number): number => (first + round) % count;
const longSubject = (first: number, count: number, round: number): number => (round === 0 ? -1 : (first + round - 1) % count);

/** Spam and hostility: the opener goes on, bystanders react, and the brand keeps out (or once, calmly). */
function planNoise(plan: ArcPlan, random: DemoRandom, topic: 'spam' | 'hostile', size: number): void {
  const calmAt = topic === 'hostile' && size > 1 && random.chance(DE_ESCALATION_SHARE) ? 1 + random.int(Math.min(2, size - 1)) : -1;
  const bystanderShare = topic === 'spam' ? SPAM_BYSTANDER_SHARE : HOSTILE_BYSTANDER_SHARE;
  while (plan.beats.length < size) {
    const position = plan.beats.length;
    if (position === calmAt) plan.push(BRAND, 'deEscalate', 0);
    else if (position === calmAt + 1 && random.chance(CALM_DOWN_SHARE)) plan.push(OPENER, 'calmDown', 0);
    else if (plan.bystanderMayJoin() && random.chance(bystanderShare)) plan.pushBystander();
    else plan.push(OPENER, topic === 'spam' ? 'spamAgain' : 'hostileAgain', 0);
  }
}

/** Beats under construction, with who wrote last, so replies point at the right message. */
class ArcPlan {
  readonly beats: Beat[] = [];
  private lastOpener = -1;
  private lastBrand = -1;
  private joined = 0;

  constructor(
    private readonly random: DemoRandom,
    private readonly bystanders: number,
  ) {}

  /** The opener answers the latest of the brand and themselves; the brand answers the opener. */
  push(role: typeof OPENER | typeof BRAND, step: Step, subject: number): void {
    const position = this.beats.length;
    const replyTo = role === BRAND ? this.lastOpener : Math.max(this.lastOpener, this.lastBrand);
    this.beats.push({ role, step, subject, replyTo });
    if (role === BRAND) this.lastBrand = position;
    else this.lastOpener = position;
  }

  /** Bystanders never start a conversation, and do not answer each other back to back. */
  bystanderMayJoin(): boolean {
    const last = this.beats[this.beats.length - 1];
    return this.bystanders > 0 && last !== undefined && last.role < FIRST_BYSTANDER;
  }

  /** A bystander answers the opener: their first comment, or their latest message. */
  pushBystander(): void {
    const isNew = this.joined < this.bystanders && (this.joined === 0 || this.random.chance(0.5));
    if (isNew) this.joined++;
    const role = FIRST_BYSTANDER + (isNew ? this.joined - 1 : this.random.int(this.joined));
    const replyTo = this.random.chance(0.5) ? 0 : this.lastOpener;
    this.beats.push({ role, step: 'bystander', subject: 0, replyTo });
  }
}
