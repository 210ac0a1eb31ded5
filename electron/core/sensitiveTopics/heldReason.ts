import { z } from 'zod';
import type { Db } from '../store/database';
import { activeTopics } from './sensitiveTopicStore';

/**
 * `outbox.held_reason` for an automatic send paused while sensitive topics are active: their
 * names as they were then, so the outbox view can say what it waits for even if the topic is
 * renamed or removed since.
 */
const heldSchema = z.strictObject({ sensitiveTopics: z.array(z.string()).min(1) });

/** What an automatic send queued at `at` is held for; null when no topic is active. */
export function heldReasonAt(db: Db, at: number): string | null {
  const names = activeTopics(db, at).map((topic) => topic.name);
  return names.length === 0 ? null : JSON.stringify({ sensitiveTopics: names } satisfies z.output<typeof heldSchema>);
}

/** The topics a held row names; a reason written otherwise still holds the row, named as it is. */
export function heldTopicsOf(reason: string | null): string[] | null {
  if (reason === null) return null;
  try {
    const parsed = heldSchema.safeParse(JSON.parse(reason));
    return parsed.success ? parsed.data.sensitiveTopics : [reason];
  } catch {
    return [reason];
  }
}
