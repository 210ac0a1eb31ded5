/** What inbound demo messages are about; the inbox should cope with each. */
export const MESSAGE_CATEGORIES = ['question', 'praise', 'complaint', 'crisis', 'spam', 'hostile', 'emoji', 'long'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** Outbound messages are all the brand's replies. */
export type DemoCategory = MessageCategory | 'brandReply';

/**
 * One text is opening × body × closing, each drawn separately, so a dozen lines per part
 * yield a thousand-odd distinct texts. Slots: {product}, {place}, {brand}, {days}, {name}.
 */
export type Templates = {
  openings: readonly string[];
  bodies: readonly string[];
  closings: readonly string[];
};

export type LanguageCorpus = Record<Exclude<DemoCategory, 'emoji' | 'long' | 'brandReply'>, Templates> & {
  /** The brand's replies, by what they answer: praise, trouble, or a question. */
  brandThanks: Templates;
  brandApology: Templates;
  brandAnswer: Templates;
  /** Short lines that emoji runs wrap around. */
  emojiLines: readonly string[];
  /** Sentences strung together into 600+ character messages. */
  longSentences: readonly string[];
  /** The brand's own posts: headline × call to action. */
  postHeadlines: readonly string[];
  postCallsToAction: readonly string[];
};
