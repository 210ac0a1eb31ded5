import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { ConnectorError, type SyncRequest } from '../connector';
import { statusSchema, type MastodonStatus } from './mastodonEntities';
import type { MastodonHttp } from './mastodonHttp';
import { readRef, type MastodonRef } from './mastodonRef';
import { statusText } from './normaliseNotification';

/** Mastodon's `GET /api/v1/statuses?id[]=` takes at most 20 ids (4.3+). */
const BATCH = 20;
/**
 * Servers without the batch endpoint (snac, Mastodon before 4.3) are read one status at a time:
 * at most this many per pass, taking turns through the list (cursor `recheck`), so that a pass
 * stays a handful of requests and every recent message is still looked at every few passes.
 */
export const SINGLE_RECHECKS_PER_PASS = 10;
export const RECHECK_CURSOR = 'recheck';

type Rechecked = { externalId: string; ref: MastodonRef };

/** Notices edits and deletions of recent messages, which Mastodon's notifications do not announce. */
export class Rechecker {
  private hasBatchEndpoint = true;
  /** Edits already announced: a stored ref keeps the edit time it was stored with, so each would be noticed again every pass. */
  private readonly announced = new Map<string, number>();

  constructor(
    private readonly http: MastodonHttp,
    private readonly now: () => number,
  ) {}

  async updates(request: Pick<SyncRequest, 'recheck' | 'cursors' | 'signal'>): Promise<{ updates: MessageUpdateInput[]; cursors: Record<string, string> }> {
    const entries = request.recheck.flatMap(({ externalId, ref }): Rechecked[] => {
      const read = readRef(ref);
      return read === null ? [] : [{ externalId, ref: read }];
    });
    if (entries.length === 0) return { updates: [], cursors: {} };
    if (this.hasBatchEndpoint) {
      const updates = await this.inBatches(entries, request.signal);
      if (updates !== null) return { updates, cursors: {} };
    }
    return this.oneByOne(entries, request);
  }

  /** null: the server has no batch endpoint. */
  private async inBatches(entries: readonly Rechecked[], signal: AbortSignal): Promise<MessageUpdateInput[] | null> {
    const updates: MessageUpdateInput[] = [];
    for (let start = 0; start < entries.length; start += BATCH) {
      const batch = entries.slice(start, start + BATCH);
      const response = await this.http.send({ path: '/api/v1/statuses', query: { id: batch.map((entry) => entry.ref.id) }, signal });
      if (response.status === 404 || (response.status === 200 && !Array.isArray(response.body))) {
        this.hasBatchEndpoint = false;
        return null;
      }
      this.http.ensureOk(response, { path: '/api/v1/statuses' });
      const found = (response.body as unknown[]).flatMap((raw) => {
        const status = statusSchema.safeParse(raw);
        return status.success ? [status.data] : [];
      });
      // A status the server no longer returns was deleted (or its author made it unreachable).
      for (const entry of batch) updates.push(...this.compare(entry, found.find((status) => status.id === entry.ref.id || (status.uri !== null && status.uri === entry.ref.uri)) ?? null));
    }
    return updates;
  }

  private async oneByOne(entries: readonly Rechecked[], request: Pick<SyncRequest, 'cursors' | 'signal'>) {
    const from = Number(request.cursors[RECHECK_CURSOR] ?? 0);
    const start = Number.isInteger(from) && from >= 0 && from < entries.length ? from : 0;
    const turn = [...entries.slice(start), ...entries.slice(0, start)].slice(0, SINGLE_RECHECKS_PER_PASS);
    const updates: MessageUpdateInput[] = [];
    for (const entry of turn) {
      try {
        const response = await this.http.call({ path: `/api/v1/statuses/${encodeURIComponent(entry.ref.id)}`, signal: request.signal });
        const status = statusSchema.safeParse(response.body);
        if (status.success) updates.push(...this.compare(entry, status.data));
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'not_found')) throw error;
        updates.push(...this.compare(entry, null));
      }
    }
    return { updates, cursors: { [RECHECK_CURSOR]: String((start + turn.length) % entries.length) } };
  }

  private compare(entry: Rechecked, status: MastodonStatus | null): MessageUpdateInput[] {
    if (status === null) return [{ change: 'deleted', platform: 'mastodon', externalId: entry.externalId, deletedAt: this.now() }];
    const editedAt = status.edited_at === null ? NaN : Date.parse(status.edited_at);
    const known = Math.max(entry.ref.editedAt ?? -Infinity, this.announced.get(entry.externalId) ?? -Infinity);
    if (!Number.isFinite(editedAt) || editedAt <= known) return [];
    this.announced.set(entry.externalId, editedAt);
    return [{ change: 'edited', platform: 'mastodon', externalId: entry.externalId, text: statusText(status), editedAt }];
  }
}
