import { z } from 'zod';
import type { MessageUpdateInput } from '../../../../shared/domain/incomingItem';
import { ConnectorError, type SyncRequest } from '../connector';
import { unexpectedAnswer } from './graphHttp';
import { readRef, textHash } from './facebookRef';
import type { PageGraph } from './pageSession';

/** Graph reads at most 50 objects in one `?ids=` request. */
export const RECHECK_BATCH = 50;
const rechecked = z.record(z.string(), z.object({ message: z.string().default(''), is_hidden: z.boolean().optional() }));
/** Graph's answer when some of the ids are gone: `Some of the aliases you requested do not exist: 1_2,1_3`. */
const MISSING = /do not exist:\s*([^\s].*)$/u;

type Known = { id: string; hash: string; isHidden: boolean };

/**
 * Notices edits, deletions and hidden state of the latest comments, which Graph's comment list
 * does not announce: one `GET /?ids=…&fields=message,is_hidden` per pass for the newest comments
 * stored. Graph refuses such a request whole when one id is gone, naming the missing ones: those
 * are deleted, and the request is made again without them.
 */
export class FacebookRecheck {
  /** Edits already announced in this session: a stored ref keeps the words it came with. */
  private readonly announced = new Map<string, string>();

  constructor(
    private readonly graph: PageGraph,
    private readonly now: () => number,
  ) {}

  async updates(recheck: SyncRequest['recheck'], signal: AbortSignal): Promise<MessageUpdateInput[]> {
    const known = recheck.flatMap(({ ref }): Known[] => {
      const read = readRef(ref);
      return read?.kind === 'comment' ? [{ id: read.id, hash: this.announced.get(read.id) ?? read.hash, isHidden: read.isHidden }] : [];
    }).slice(0, RECHECK_BATCH);
    const updates: MessageUpdateInput[] = [];
    let asked = known;
    while (asked.length > 0) {
      const answer = await this.read(asked, signal);
      if (answer.missing.length === 0) return [...updates, ...this.compare(asked, answer.found)];
      updates.push(...answer.missing.map((id): MessageUpdateInput => ({ change: 'deleted', platform: 'facebook', externalId: id, deletedAt: this.now() })));
      asked = asked.filter((entry) => !answer.missing.includes(entry.id));
    }
    return updates;
  }

  private async read(asked: readonly Known[], signal: AbortSignal): Promise<{ found: z.output<typeof rechecked>; missing: string[] }> {
    const what = 'reading the latest comments again';
    try {
      const body = await this.graph.call({ path: '/', query: { ids: asked.map((entry) => entry.id).join(','), fields: 'id,message,is_hidden' }, signal, what });
      const found = rechecked.safeParse(body);
      if (!found.success) throw unexpectedAnswer(what);
      return { found: found.data, missing: [] };
    } catch (error) {
      const missing = missingIds(error, asked.map((entry) => entry.id));
      if (missing.length === 0) throw error;
      return { found: {}, missing };
    }
  }

  private compare(asked: readonly Known[], found: z.output<typeof rechecked>): MessageUpdateInput[] {
    return asked.flatMap((entry): MessageUpdateInput[] => {
      const now = found[entry.id];
      if (now === undefined) return [];
      const changes: MessageUpdateInput[] = [];
      const hash = textHash(now.message);
      if (hash !== entry.hash) {
        // Graph gives no edit time for a comment: the edit is dated when Pieuvre saw it.
        changes.push({ change: 'edited', platform: 'facebook', externalId: entry.id, text: now.message, editedAt: this.now() });
        this.announced.set(entry.id, hash);
      }
      if (now.is_hidden !== undefined && now.is_hidden !== entry.isHidden) changes.push({ change: 'hidden', platform: 'facebook', externalId: entry.id, isHidden: now.is_hidden });
      return changes;
    });
  }
}

/** The ids Graph says are gone, among those asked (never an id it did not name). */
export function missingIds(error: unknown, asked: readonly string[]): string[] {
  if (!(error instanceof ConnectorError) || error.kind !== 'permanent') return [];
  const named = MISSING.exec(error.message)?.[1]?.split(/[,\s)]+/u) ?? [];
  return asked.filter((id) => named.includes(id));
}
