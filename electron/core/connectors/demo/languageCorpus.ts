/** What inbound demo messages are about; the inbox should cope with each. */
export const MESSAGE_CATEGORIES = ['question', 'praise', 'complaint', 'crisis', 'spam', 'hostile', 'emoji', 'long'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** Outbound messages are all the brand's replies. */
export type DemoCategory = MessageCategory | 'brandReply';

/** What the brand's posts announce; comments under a post may be about it. */
export const POST_THEMES = ['product', 'shop', 'giveaway', 'school'] as const;
export type PostTheme = (typeof POST_THEMES)[number];

/** Kinds of scam; each spammer runs one. */
export const SCAMS = ['crypto', 'followers', 'phishing', 'giveaway', 'forex', 'shop'] as const;
export type Scam = (typeof SCAMS)[number];

/**
 * Every string below is a template. Slots, fixed for a whole conversation so that its
 * messages agree: {product}, {place}, {days}, {order} (an order or lot number), {name}
 * (the opener's first name: whom the brand and bystanders answer) and {brand}.
 */
type Lines = readonly string[];

/**
 * One text is opening × body × closing, each drawn separately, so a dozen lines per part
 * yield a thousand-odd distinct texts.
 */
export type Templates = { openings: Lines; bodies: Lines; closings: Lines };

/** Openings and closings around a body that a conversation's subject supplies. */
export type Wrapper = { openings: Lines; closings: Lines };

/** A question and the brand's answers to it. */
export type QuestionSubject = { asks: Lines; answers: Lines };
/** Praise and the brand's thanks that fit it. */
export type PraiseSubject = { praises: Lines; thanks: Lines };
/** A complaint, then the brand's apology, the customer's details and the brand's fix. */
export type ComplaintSubject = { complaints: Lines; apologies: Lines; details: Lines; fixes: Lines };
/**
 * A safety report, then the brand's escalation, the customer's details and the brand's
 * update; later on, the customer's follow-ups and the brand's news.
 */
export type CrisisSubject = { reports: Lines; escalations: Lines; details: Lines; updates: Lines; followUps: Lines; news: Lines };

/** Subjects for any conversation, and subjects about what a post announces. */
export type SubjectPool<S> = { generic: readonly S[]; themed: Readonly<Record<PostTheme, readonly S[]>> };

export type LanguageCorpus = {
  question: Wrapper & SubjectPool<QuestionSubject>;
  praise: Wrapper & SubjectPool<PraiseSubject>;
  complaint: Wrapper & { subjects: readonly ComplaintSubject[] };
  crisis: Wrapper & { subjects: readonly CrisisSubject[] };
  /** A spammer's pitch, then their follow-ups (`again`), by scam. */
  spam: Wrapper & { pitches: Readonly<Record<Scam, Lines>>; again: Wrapper & { lines: Readonly<Record<Scam, Lines>> } };
  /** Openers may be pasted HTML too (see HTML_INJECTION_TEXT). */
  hostile: Templates;
  /** Short lines that emoji runs wrap around. */
  emojiLines: Lines;
  /** Consecutive sentences strung into a 600+ character complaint, closed like a complaint. */
  longSentences: Lines;
  /** How the brand and the customer settle a long complaint. */
  longSubject: Omit<ComplaintSubject, 'complaints'>;
  /** The opener again, later in their conversation. */
  followUps: {
    /** Openings for a second question, praise or complaint in the same conversation. */
    also: Lines;
    /** No answer yet. */
    bump: Templates;
    /** After the brand's answer. */
    thanks: Templates;
    /** Around a subject's details (order number, time of a visit…). */
    details: Wrapper;
    /** After the brand's fix. */
    satisfied: Templates;
    /** After the brand's thanks. */
    praiseReply: Templates;
    /** After the brand's update on a safety report. */
    crisisAck: Templates;
    /** Around a safety report's follow-ups, later on. */
    crisisFollowUp: Wrapper;
    /** A hostile opener going on. */
    rant: Templates;
    /** A hostile opener after the brand's calm reply. */
    calmDown: Templates;
  };
  /** Other people chiming in under someone's comment, by the conversation's topic. */
  bystanders: Readonly<Record<Exclude<MessageCategory, 'emoji' | 'long'>, Templates>>;
  /** The brand's replies; openings greet {name}. */
  brand: {
    answer: Wrapper;
    /** Thanks that fit any praise; a praise subject's own thanks are used too. */
    thanks: Templates;
    apology: Wrapper;
    fix: Wrapper;
    escalation: Wrapper;
    update: Wrapper;
    /** Around news on a safety report, later on. */
    crisisNews: Wrapper;
    /** The one calm reply a hostile conversation may get. */
    deEscalation: Templates;
  };
  /** The brand's own posts: headline × call to action, by theme. */
  posts: Readonly<Record<PostTheme, { headlines: Lines; callsToAction: Lines }>>;
};
