import { z } from 'zod';
import { method } from './method';
import { plainText } from '../text/plainText';

const id = z.string().min(1).max(64);
const day = z.iso.date();

/**
 * A topic the team must not be tone-deaf about (a crisis, a tragedy in the news), kept while it
 * matters: a reply or template touching one, or any automatic or scheduled send while one is
 * active, asks a person first.
 */
export type SensitiveTopic = {
  id: string;
  name: string;
  /** Words and prefixes (`inond*`), matched like rules' words: whole words, case and accents ignored. */
  words: string[];
  /** Inclusive calendar days in the workspace's zone; `endsOn` null: until removed. */
  startsOn: string;
  endsOn: string | null;
  isActive: boolean;
  createdAt: number;
  updatedAt: number;
};

export type SensitiveCheck = {
  /** The topics the text touches, with the word that matched. */
  touches: { topicId: string; name: string; word: string }[];
  /** Every topic active now (automatic sends pause while there is one). */
  active: { topicId: string; name: string }[];
};

const topicInput = z
  .strictObject({
    name: plainText(z.string().trim().min(1).max(120)),
    words: z.array(plainText(z.string().trim().min(1).max(100))).min(1).max(200),
    startsOn: day,
    endsOn: day.nullable(),
  })
  .refine((topic) => topic.endsOn === null || topic.endsOn >= topic.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export const sensitiveTopicsContract = {
  'sensitiveTopics.list': method<SensitiveTopic[]>()(z.strictObject({})),
  'sensitiveTopics.save': method<SensitiveTopic>()(z.strictObject({ id: id.optional(), topic: topicInput })),
  'sensitiveTopics.delete': method<{ isDeleted: boolean }>()(z.strictObject({ id })),
  /** What a reply or template about to be sent touches. */
  'sensitiveTopics.check': method<SensitiveCheck>()(z.strictObject({ text: z.string().max(20_000) })),
  /** A person lets an automatic send held for a sensitive topic go (or cancels it: `outbox.cancel`). */
  'outbox.releaseHeld': method<{ isReleased: boolean }>()(z.strictObject({ id })),
};
