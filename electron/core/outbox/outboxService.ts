import type { OutboxCounts, OutboxItem, OutboxSettings, SendWhen } from '../../../shared/api/outbox';
import type { CoreContext } from '../coreContext';
import { me } from '../duty/people';
import { zoneOf } from '../duty/personZone';
import { activeOverride, dutyStatusOf } from '../duty/dutyStatus';
import { changeWaiting, countOutbox, getOutboxItem, insertReply, listOutbox, type OutboxScope } from './outboxStore';
import type { OutboxWorker } from './outboxWorker';
import { checkDraft } from '../replies/replyRules';
import { describeProblem } from '../replies/replyPolicy';
import { ApiFailure } from '../../../shared/api/result';
import { resolveSendTime, type SendTime } from './sendTime';
import { clearDraft } from '../drafts/draftStore';
import { prepareActivityWriter } from '../store/activity';

/** What the API asks of the outbox: queue, look, and change a send while it still waits. */
export class OutboxService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly worker: OutboxWorker,
  ) {}

  send({ clearsDraft, ...request }: { conversationId: string; text: string; idempotencyKey: string; when: SendWhen; clearsDraft: boolean; privately: boolean }): OutboxItem {
    const now = this.ctx.clock();
    const time = this.sendTime(request.when, now);
    // The same key sent again is the same reply: its own row does not use up the comment's one private reply.
    this.refuseWhatThePlatformWould({ conversationId: request.conversationId, text: request.text, sendAt: time.notBefore, privately: request.privately, exceptKey: request.idempotencyKey });
    // One transaction: a reply is never both queued and still a draft, nor lost from both.
    // Queued at this desktop, so by the person using it: the sent message will say "You" here.
    const { item, isDraftCleared } = this.ctx.db.transaction(() => ({
      item: insertReply(this.ctx.db, { ...request, ...time, now, queuedByPersonSeq: me(this.ctx.db, now).seq }),
      isDraftCleared: clearsDraft && clearDraft(this.ctx.db, request.conversationId),
    }))();
    if (isDraftCleared) this.ctx.events.emit('inbox.changed', { conversationIds: [request.conversationId], everything: false });
    this.changed(item);
    return item;
  }

  list(query: { scope: OutboxScope; conversationId?: string | undefined; limit: number }): OutboxItem[] {
    return listOutbox(this.ctx.db, query);
  }

  counts(): OutboxCounts {
    return countOutbox(this.ctx.db);
  }

  cancel(id: string): OutboxItem {
    const now = this.ctx.clock();
    return this.ctx.db.transaction(() => {
      const wasHeld = getOutboxItem(this.ctx.db, id).heldFor;
      const item = changeWaiting(this.ctx.db, id, ['queued', 'failed', 'needs_check'], { sql: "state = 'cancelled', updated_at = ?", params: [now], keepsDelivered: true }, 'Too late to cancel this reply');
      if (wasHeld) this.recordHeld(item, 'conversation.heldSendCancelled', wasHeld, now);
      return this.changed(item);
    })();
  }

  /** A person's OK for an automatic send held while a sensitive topic is active: it goes now, on the record. */
  releaseHeld(id: string): { isReleased: boolean } {
    const now = this.ctx.clock();
    return this.ctx.db.transaction(() => {
      const { heldFor } = getOutboxItem(this.ctx.db, id);
      const { changes } = this.ctx.db
        .prepare("UPDATE outbox SET held_reason = NULL, not_before = max(not_before, ?), updated_at = ? WHERE id = ? AND state = 'queued' AND held_reason IS NOT NULL")
        .run(now, now, id);
      if (changes === 0 || !heldFor) return { isReleased: false };
      this.recordHeld(this.changed(getOutboxItem(this.ctx.db, id)), 'conversation.heldSendReleased', heldFor, now);
      return { isReleased: true };
    })();
  }

  edit(id: string, edit: { text?: string | undefined; when?: SendWhen | undefined }): OutboxItem {
    const now = this.ctx.clock();
    const current = getOutboxItem(this.ctx.db, id);
    const time: SendTime = edit.when ? this.sendTime(edit.when, now) : { notBefore: current.notBefore, scheduledFor: current.scheduledFor };
    const exceptKey = this.ctx.db.prepare<[string], string>('SELECT idempotency_key FROM outbox WHERE id = ?').pluck().get(id);
    this.refuseWhatThePlatformWould({ conversationId: current.conversationId, text: edit.text ?? current.text, sendAt: time.notBefore, privately: current.isPrivateReply, ...(exceptKey === undefined ? {} : { exceptKey }) });
    return this.changed(
      changeWaiting(
        this.ctx.db,
        id,
        ['queued'],
        { sql: 'text = ?, not_before = ?, scheduled_for = ?, updated_at = ?', params: [edit.text ?? current.text, time.notBefore, time.scheduledFor, now], keepsDelivered: true },
        'Too late to edit this reply',
      ),
    );
  }

  /**
   * Back in the queue now, with a fresh count for giving up. One that may have reached the
   * platform is looked for there first; one needing a check was checked by the person.
   */
  retry(id: string): OutboxItem {
    const now = this.ctx.clock();
    const sql = `attempts = 0, may_have_reached = CASE state WHEN 'needs_check' THEN 0 ELSE may_have_reached END,
      state = 'queued', not_before = ?, last_error = NULL, updated_at = ?`;
    return this.changed(changeWaiting(this.ctx.db, id, ['failed', 'needs_check'], { sql, params: [now, now] }, 'Only a failed reply can be sent again'));
  }

  markSent(id: string): OutboxItem {
    const now = this.ctx.clock();
    return this.changed(
      changeWaiting(this.ctx.db, id, ['needs_check'], { sql: "state = 'sent', sent_at = ?, last_error = NULL, updated_at = ?", params: [now, now] }, 'Only a reply needing a check can be marked sent'),
    );
  }

  settings(): OutboxSettings {
    const person = me(this.ctx.db, this.ctx.clock());
    const row = this.ctx.db.prepare<[number], { undo_send_ms: number }>('SELECT undo_send_ms FROM people WHERE seq = ?').get(person.seq);
    return { undoSendMs: row?.undo_send_ms ?? 0 };
  }

  setUndoDelay(undoSendMs: number): OutboxSettings {
    const person = me(this.ctx.db, this.ctx.clock());
    this.ctx.db.prepare('UPDATE people SET undo_send_ms = ? WHERE seq = ?').run(undoSendMs, person.seq);
    return this.settings();
  }

  /** Queued only if the platform would take it then; an account not connected yet is checked at send time. */
  private refuseWhatThePlatformWould(draft: Parameters<typeof checkDraft>[1]): void {
    let problem;
    try {
      problem = checkDraft(this.ctx, draft).problems[0];
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'unavailable') return;
      throw error;
    }
    if (problem) throw new ApiFailure('invalid_input', describeProblem(problem));
  }

  private sendTime(when: SendWhen, now: number): SendTime {
    const person = me(this.ctx.db, now);
    // My own duty only: the team's is not needed to know when I am next on.
    const { nextOnAt } = dutyStatusOf(person, activeOverride(this.ctx.db, person, now), now);
    return resolveSendTime(when, { nextOnAt, timeZone: zoneOf(person), undoSendMs: this.settings().undoSendMs }, now);
  }

  private recordHeld(item: OutboxItem, action: string, heldFor: string[], now: number): void {
    prepareActivityWriter(this.ctx.db)({
      at: now,
      actor: 'me',
      action,
      subjectType: 'conversation',
      subjectId: item.conversationId,
      data: { outboxId: item.id, heldFor, ...(item.ruleName === null ? {} : { rule: item.ruleName }) },
    });
  }

  private changed(item: OutboxItem): OutboxItem {
    this.ctx.events.emit('outbox.changed', { conversationIds: [item.conversationId] });
    this.worker.kick();
    return item;
  }
}
