import type pg from 'pg';
import { z } from 'zod';
import { lastSeq } from './changeLog';
import { listenOnChannel, type ListenState } from './channelListener';

export type { ListenState } from './channelListener';

/** "The workspace's log reaches at least `seq`": pull after your cursor. */
export type ChangeNotice = { seq: number };

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

/** The workspace's channel, as the hub's notify_change trigger names it. */
export const channelOf = (workspaceId: string) => `pieuvre_${workspaceId}`;

/**
 * Listens on the workspace's channel, reconnecting after a drop (channelListener.ts). After
 * every (re)connection it also reports the log's last seq, since notices sent while it was away
 * are lost: a caller that pulls on every notice misses nothing.
 */
export function listenForChanges(
  config: pg.ClientConfig,
  workspaceId: string,
  onChange: (notice: ChangeNotice) => void,
  onState: (state: ListenState, error?: Error) => void = () => {},
): ChangeListener {
  let seqOnConnect: number | undefined;
  return listenOnChannel(config, channelOf(workspaceId), {
    applicationName: 'pieuvre-hub-listen',
    onNotification: (payload) => {
      const notice = parseNotice(payload);
      if (notice?.workspaceId === workspaceId) onChange({ seq: notice.seq });
    },
    onListening: async (client) => {
      seqOnConnect = await lastSeq(client, workspaceId);
    },
    onState: (state, error) => {
      onState(state, error);
      if (state === 'listening' && seqOnConnect !== undefined) onChange({ seq: seqOnConnect });
    },
  });
}
