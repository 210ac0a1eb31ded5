import type { ErrorCode } from '../../../shared/api/result';
import { actsOnOwnMessage, canModerate, type ModerationAction } from '../../../shared/domain/moderation';
import { PLATFORM_NAMES } from '../../../shared/domain/platform';
import type { Connector } from '../connectors/connector';
import type { TargetMessage } from './moderationTargets';

const ACTION_PHRASES: Readonly<Record<ModerationAction, string>> = {
  hide: 'hide a message',
  unhide: 'unhide a message',
  delete: 'delete a message',
  delete_own: 'delete its own reply',
  mute_author: 'mute an author',
  unmute_author: 'unmute an author',
  block_author: 'block an author',
  unblock_author: 'unblock an author',
  report: 'report a message to its moderators',
  mark_spam: 'report a message as spam',
};

/**
 * Why this action cannot be asked of this message's platform (in English, like the API's
 * errors), or null when it can: a person's moderation is refused with it, a rule's skipped.
 */
export function moderationRefusal(
  connector: Pick<Connector, 'moderation'> | undefined,
  target: Pick<TargetMessage, 'messageSeq' | 'direction' | 'kind' | 'platform'>,
  action: ModerationAction,
): { code: Extract<ErrorCode, 'invalid_input' | 'unavailable'>; message: string } | null {
  const platform = PLATFORM_NAMES[target.platform];
  const refuse = (message: string, code: 'invalid_input' | 'unavailable' = 'invalid_input') => ({ code, message });
  if (actsOnOwnMessage(action) && target.direction !== 'out') return refuse(`Message ${target.messageSeq} is not the brand's own: only the brand's own replies can be deleted this way.`);
  if (!actsOnOwnMessage(action) && target.direction !== 'in') return refuse(`Message ${target.messageSeq} is the brand's own: only messages from others are moderated.`);
  if (!connector) return refuse(`The ${platform} account is not connected: Pieuvre cannot tell what it allows.`, 'unavailable');
  if (canModerate(connector.moderation, action, target.kind)) return null;
  if (connector.moderation.includes(action)) return refuse(`${platform} can ${ACTION_PHRASES[action]} only in public comments, not in a direct message.`);
  const allowed = connector.moderation.length > 0 ? `its API allows: ${connector.moderation.map((other) => ACTION_PHRASES[other]).join(', ')}` : 'its API allows no moderation';
  return refuse(`${platform} cannot ${ACTION_PHRASES[action]} (${allowed}).`);
}
