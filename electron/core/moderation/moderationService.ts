import type { ModerationCapabilities } from '../../../shared/api/moderation';
import type { OutboxItem } from '../../../shared/api/outbox';
import { ApiFailure } from '../../../shared/api/result';
import { actsOnOwnMessage, canModerate, isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import { PLATFORM_NAMES } from '../../../shared/domain/platform';
import type { CoreContext } from '../coreContext';
import type { OutboxService } from '../outbox/outboxService';
import type { OutboxWorker } from '../outbox/outboxWorker';
import { queueModeration } from '../outbox/queueModeration';
import { latestInboundOf, messagesByIds, type TargetMessage } from './moderationTargets';

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

export type ModerationRequest = { action: ModerationAction; messageIds?: string[] | undefined; conversationIds?: string[] | undefined; reason?: string | undefined };

/** Moderation through the outbox: checked against each platform's capabilities, then queued like a reply. */
export class ModerationService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly outbox: OutboxService,
    private readonly worker: OutboxWorker,
  ) {}

  /** Per connected account: two accounts of one platform may have different rights. */
  capabilities(): ModerationCapabilities {
    const { connectors } = this.ctx;
    return Object.fromEntries(connectors.connectedAccountIds().flatMap((accountId) => {
      const connector = connectors.find(accountId);
      return connector ? [[accountId, [...connector.moderation]]] : [];
    }));
  }

  /** Every target is checked before anything is queued: a bulk action is all or nothing. */
  act(request: ModerationRequest): OutboxItem[] {
    const { db } = this.ctx;
    const now = this.ctx.clock();
    const targets = request.messageIds ? messagesByIds(db, request.messageIds) : latestInboundOf(db, request.conversationIds ?? []);
    targets.forEach((target) => this.check(target, request.action));
    // What is undone in one step goes at once: only what cannot be taken back waits for the undo delay.
    const notBefore = isDestructive(request.action) ? now + this.outbox.settings().undoSendMs : now;
    const ask = { action: request.action, reason: request.reason || null };
    const items = db.transaction(() => targets.map((target) => queueModeration(db, target, ask, { notBefore, now })))();
    this.ctx.events.emit('outbox.changed', { conversationIds: [...new Set(items.map((item) => item.conversationId))] });
    this.worker.kick();
    return items;
  }

  private check(target: TargetMessage, action: ModerationAction): void {
    const platform = PLATFORM_NAMES[target.platform];
    if (actsOnOwnMessage(action) && target.direction !== 'out') throw new ApiFailure('invalid_input', `Message ${target.messageSeq} is not the brand's own: only the brand's own replies can be deleted this way.`);
    if (!actsOnOwnMessage(action) && target.direction !== 'in') throw new ApiFailure('invalid_input', `Message ${target.messageSeq} is the brand's own: only messages from others are moderated.`);
    const connector = this.ctx.connectors.find(target.accountId);
    if (!connector) throw new ApiFailure('unavailable', `The ${platform} account is not connected: Pieuvre cannot tell what it allows.`);
    if (canModerate(connector.moderation, action, target.kind)) return;
    if (connector.moderation.includes(action)) throw new ApiFailure('invalid_input', `${platform} can ${ACTION_PHRASES[action]} only in public comments, not in a direct message.`);
    const allowed = connector.moderation.length > 0 ? `its API allows: ${connector.moderation.map((other) => ACTION_PHRASES[other]).join(', ')}` : 'its API allows no moderation';
    throw new ApiFailure('invalid_input', `${platform} cannot ${ACTION_PHRASES[action]} (${allowed}).`);
  }
}
