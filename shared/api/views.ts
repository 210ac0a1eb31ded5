import { z } from 'zod';
import { conversationQuerySchema } from './conversations';
import { method } from './method';
import { plainText } from '../text/plainText';

/** The part of a conversation query a saved view keeps: its filters, not its page. */
export const viewFilterSchema = conversationQuerySchema.omit({ limit: true, cursor: true });
export type ViewFilter = z.input<typeof viewFilterSchema>;

export type SavedView = { id: string; name: string; filter: ViewFilter };
export type TagSummary = { name: string; color: string; conversationCount: number };

export const viewsContract = {
  'views.list': method<SavedView[]>()(z.strictObject({})),
  'views.save': method<SavedView>()(z.strictObject({ name: plainText(z.string().trim().min(1).max(80)), filter: viewFilterSchema })),
  'views.remove': method<{ removed: boolean }>()(z.strictObject({ id: z.string().min(1).max(64) })),
  'tags.list': method<TagSummary[]>()(z.strictObject({})),
};
