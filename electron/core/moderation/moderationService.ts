import type { ModerationCapabilities } from '../../../shared/api/moderation';
import type { OutboxItem } from '../../../shared/api/outbox';
import { ApiFailure } from '../../../shared/api/result';
import { isDestructive, type ModerationAction } from '../../../shared/domain/moderation';
import type { CoreContext } from '../coreContext';
import type { OutboxService } from '../outbox/outboxService';
import type { OutboxWorker } from '../outbox/outboxWorker';
import { queueModeration } from '../outbox/queueModeration';
import { moderationRefusal } from './moderationRefusal';
import { latestInboundOf, messagesByIds, type TargetMessage } from './moderationTargets';

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
    const refusal = moderationRefusal(this.ctx.connectors.find(target.accountId), target, action);
    if (refusal) throw new ApiFailure(refusal.code, refusal.message);
  }
}
