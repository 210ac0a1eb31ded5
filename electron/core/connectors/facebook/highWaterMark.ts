import { z } from 'zod';
import { parseJsonAs } from '../parseJsonAs';

/**
 * Where a stream stands, in place of Graph's cursors (which expire): the newest time fully taken
 * in, and the ids already taken at that very second (Graph's times are to the second, so the
 * next pass reads that second again and skips only those).
 */
export type HighWaterMark = { t: number; ids: string[] };

const markSchema = z.object({ t: z.number().int().min(0), ids: z.array(z.string()).max(1_000) });
/** A pass under way: the mark it will leave, and what is left to read (post or conversation ids, never Graph cursors). */
const passSchema = z.object({ next: markSchema, queue: z.array(z.string()), total: z.number().int().min(0) });
export type StreamPass = z.output<typeof passSchema>;

export const readMark = (value: string | undefined): HighWaterMark | null => parseJsonAs(value, markSchema);
export const readPass = (value: string | undefined): StreamPass | null => parseJsonAs(value, passSchema);

/** Whether an item at `at` with this id is past the mark: newer, or at its second and not yet taken. */
export const isPast = (mark: HighWaterMark, at: number, id: string): boolean => at > mark.t || (at === mark.t && !mark.ids.includes(id));

/** The mark once an item at `at` is taken: its id joins those of the mark's second. */
export function noteTaken(mark: HighWaterMark, at: number, id: string): void {
  if (at === mark.t && !mark.ids.includes(id)) mark.ids.push(id);
}
