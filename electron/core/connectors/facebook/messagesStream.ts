import { describeIssues } from '../../../../shared/api/describeIssues';
import type { SyncPage } from '../connector';
import type { StreamRead } from './commentsStream';
import { conversationSchema, graphListSchema } from './facebookEntities';
import { graphTimeMs } from '../meta/graphTime';
import { CONVERSATION_FIELDS, MESSAGE_FIELDS, MESSAGES_LIMIT } from './facebookFields';
import { normaliseMessage, type FacebookPage } from './facebookNormalise';
import { unexpectedAnswer } from './graphHttp';
import { graphPages } from './graphPages';
import { isPast, noteTaken, type HighWaterMark } from './highWaterMark';
import type { PageGraph } from './pageSession';

/** The Conversations API answers at most 25 conversations a page. */
const CONVERSATIONS_LIMIT = '25';

/**
 * The Page's Messenger conversations, newest `updated_time` first (the endpoint has no time
 * filter), read until one is older than the mark; then each changed conversation's latest
 * messages. Meta shows only a conversation's most recent messages in detail: older ones of a
 * long conversation are not reachable (the account says so).
 */
export class MessagesStream {
  constructor(
    private readonly graph: PageGraph,
    private readonly page: FacebookPage,
  ) {}

  async activeConversations(mark: HighWaterMark, signal: AbortSignal): Promise<{ conversationIds: string[]; newest: number; rejected: SyncPage['rejected'] }> {
    const conversationIds: string[] = [];
    const rejected: SyncPage['rejected'] = [];
    let newest = mark.t;
    const call = { path: `/${encodeURIComponent(this.page.id)}/conversations`, query: { platform: 'messenger', fields: CONVERSATION_FIELDS, limit: CONVERSATIONS_LIMIT }, signal, what: 'reading the Page’s conversations' };
    pages: for await (const list of graphPages(this.graph, call)) {
      for (const payload of list) {
        const conversation = conversationSchema.safeParse(payload);
        const updated = conversation.success ? graphTimeMs(conversation.data.updated_time) : null;
        if (!conversation.success || updated === null) {
          rejected.push({ payload, reason: conversation.success ? 'conversation: updated_time is not a date' : `conversation: ${describeIssues(conversation.error)}` });
          continue;
        }
        if (updated < mark.t) break pages;
        conversationIds.push(conversation.data.id);
        newest = Math.max(newest, updated);
      }
    }
    return { conversationIds, newest, rejected };
  }

  /** One conversation's latest messages past the mark, oldest first. */
  async read(conversationId: string, mark: HighWaterMark, next: HighWaterMark, signal: AbortSignal): Promise<StreamRead> {
    const read: StreamRead = { items: [], updates: [], rejected: [] };
    const what = 'reading a conversation’s messages';
    // One page: the reference gives the latest messages only, and they are all a pass needs.
    const list = graphListSchema.safeParse(await this.graph.call({ path: `/${encodeURIComponent(conversationId)}/messages`, query: { fields: MESSAGE_FIELDS, limit: MESSAGES_LIMIT }, signal, what }));
    if (!list.success) throw unexpectedAnswer(what);
    for (const payload of list.data.data) {
      const normalised = normaliseMessage(payload, conversationId, this.page);
      if (normalised.outcome === 'rejected') {
        read.rejected.push({ payload, reason: normalised.reason });
        continue;
      }
      if (!isPast(mark, normalised.createdAt, normalised.ref.id)) continue;
      read.items.push(normalised.item);
      noteTaken(next, normalised.createdAt, normalised.ref.id);
    }
    read.items.reverse();
    return read;
  }
}
