import type { TFunction } from 'i18next';
import type { ActivityLine } from '../../../shared/domain/entities';

/** The history line a moderation action leaves (core: applyModeration's MODERATION_ACTIVITY), in the person's words. */
const KEYS: Readonly<Record<string, string>> = {
  'message.hidden': 'moderation.history.hidden',
  'message.unhidden': 'moderation.history.unhidden',
  'message.deleted': 'moderation.history.deleted',
  'message.deletedOwn': 'moderation.history.deletedOwn',
  'contact.muted': 'moderation.history.muted',
  'contact.unmuted': 'moderation.history.unmuted',
  'contact.blocked': 'moderation.history.blocked',
  'contact.unblocked': 'moderation.history.unblocked',
  'message.reported': 'moderation.history.reported',
  'message.markedSpam': 'moderation.history.markedSpam',
};

export function moderationHistoryText(line: ActivityLine, t: TFunction): string | null {
  const key = KEYS[line.action];
  return key === undefined ? null : t(key, { author: typeof line.data.author === 'string' ? line.data.author : '' });
}
