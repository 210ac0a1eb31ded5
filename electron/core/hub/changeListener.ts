import pg from 'pg';
import { z } from 'zod';
import { lastSeq } from './changeLog';

/** "The workspace's log reaches at least `seq`": pull after your cursor. */
export type ChangeNotice = { seq: number };
export type ListenState = 'listening' | 'reconnecting';

export type ChangeListener = { close(): Promise<void> };

const noticeSchema = z.object({ workspaceId: z.uuid(), seq: z.number().int().positive() });

/** Any role may NOTIFY any channel: a payload that is not the trigger's is ignored. */
function parseNotice(payload: string | undefined): z.infer<typeof noticeSchema> | undefined {
  try {
    return noticeSchema.parse(JSON.parse(payload ?? ''));
  } catch {
    return undefined;
  }
}

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

/** The workspace's channel, as the hub's notify_change trigger names it. */
export const channelOf = (workspaceId: string) => `pieuvre_${workspaceId}`;

/**
 * Listens on the workspace's channel on a connection of its own. When that connection drops
 * it reconnects, waiting longer each time (up to 10 s), and listens again. After every
 * (re)connection it also reports the log's last seq, since notices sent while it was away are
 * lost: a caller that pulls on every notice misses nothing.
 */
export function listenForChanges(
  config: pg.ClientConfig,
  workspaceId: string,
  onChange: (notice: ChangeNotice) => void,
  onState: (state: ListenState, error?: Error) => void = () => {},
): ChangeListener {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const retry = (error: Error) => {
    client = undefined;
    if (isClosed || retryTimer) return;
    onState('reconnecting', error);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ ...config, application_name: 'pieuvre-hub-listen' });
    let hasFailed = false;
    const fail = (error: Error) => {
      if (hasFailed) return;
      hasFailed = true;
      void next.end().catch(() => {});
      retry(error);
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('The hub closed the listening connection.')));
    next.on('notification', (message) => {
      const notice = parseNotice(message.payload);
      if (notice?.workspaceId === workspaceId) onChange({ seq: notice.seq });
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channelOf(workspaceId))}`);
      const seq = await lastSeq(next, workspaceId);
      if (isClosed) return void (await next.end());
      client = next;
      retryMs = FIRST_RETRY_MS;
      onState('listening');
      onChange({ seq });
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };

  void connect();
  return {
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
