import { z } from 'zod';

/**
 * What an X message keeps for answering and moderating it: its id, its author's, its
 * conversation (a post's `conversation_id`, a DM's `dm_conversation_id`) and whether the author
 * summoned the brand (X takes a programmatic reply only then).
 */
export const xRefSchema = z.object({
  id: z.string().min(1),
  authorId: z.string().min(1),
  conversationId: z.string().min(1),
  isSummoned: z.boolean(),
  dm: z.literal(true).optional(),
});
export type XRef = z.output<typeof xRefSchema>;

export function readXRef(ref: unknown): XRef | null {
  const parsed = xRefSchema.safeParse(ref);
  return parsed.success ? parsed.data : null;
}
