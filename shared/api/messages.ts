import { z } from 'zod';
import type { Page } from '../domain/entities';
import type { Message } from '../domain/entities';
import { method } from './method';
import { plainText } from '../text/plainText';

export type SearchHit = { message: Message; conversationId: string };

export const searchSchema = z.strictObject({
  /** Words to find (accents and case ignored); a trailing `*` makes a word a prefix. */
  text: plainText(z.string().trim().min(1).max(500)),
  order: z.enum(['newest', 'relevance']).default('newest'),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).nullable().optional(),
});

export const messagesContract = {
  'messages.search': method<Page<SearchHit>>()(searchSchema),
};
