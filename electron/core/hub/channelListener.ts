import pg from 'pg';

export type ListenState = 'listening' | 'reconnecting';

export type ChannelListener = {
  /** The listening connection, while there is one (a listener may also NOTIFY on it). */
  connection(): pg.Client | undefined;
  close(): Promise<void>;
};

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

/**
 * LISTENs on `channel` on a connection of its own. When that connection drops it reconnects,
 * waiting longer each time (up to 10 s), and listens again; `onListening` runs on each new
 * connection before it counts as listening (notices sent while it was away are lost: that is
 * where a caller catches up). Whatever a notification carries is the caller's to check: any role
 * may NOTIFY any channel.
 */
export function listenOnChannel(
  config: pg.ClientConfig,
  channel: string,
  handlers: {
    applicationName: string;
    onNotification(payload: string | undefined): void;
    onListening?(client: pg.Client): Promise<void>;
    onState?(state: ListenState, error?: Error): void;
  },
): ChannelListener {
  const onState = handlers.onState ?? (() => {});
  let client: pg.Client | undefined;
  let isClosed = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;

  const retry = (error: Error) => {
    client = undefined;
    if (isClosed || retryTimer) return;
    onState('reconnecting', error);
    // The caller may have given up on hearing it.
    if (isClosed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
  };

  const connect = async () => {
    const next = new pg.Client({ ...config, application_name: handlers.applicationName });
    let hasFailed = false;
    const fail = (error: Error) => {
      if (hasFailed) return;
      hasFailed = true;
      void next.end().catch(() => {});
      retry(error);
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('The hub closed the listening connection.')));
    next.on('notification', (message) => handlers.onNotification(message.payload));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (isClosed) return void (await next.end());
      client = next;
      retryMs = FIRST_RETRY_MS;
      await handlers.onListening?.(next);
      if (isClosed) return;
      onState('listening');
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };

  void connect();
  return {
    connection: () => client,
    async close() {
      isClosed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
