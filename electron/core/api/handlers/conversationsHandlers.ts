import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { conversationCounts, getConversation, listConversations } from '../../store/conversationQueries';
import { assignConversations, markConversationsRead, setConversationStatus, setConversationsUrgent, tagConversations } from '../../store/conversationMutations';
import type { DutyService } from '../../duty/dutyService';
import { escalate } from '../../urgent/escalate';

type ConversationHandlers = Pick<Handlers, `conversations.${string}` & keyof Handlers>;

/** The local person: every change made through the API is theirs until teammates exist. */
const ME = 'me';

export function conversationsHandlers(ctx: CoreContext, duty: DutyService): ConversationHandlers {
  const changed = (ids: string[]) => ctx.events.emit('inbox.changed', { conversationIds: ids, everything: false });
  return {
    'conversations.list': (query) => listConversations(ctx.db, query),
    'conversations.get': ({ id }) => getConversation(ctx.db, id),
    'conversations.counts': () => conversationCounts(ctx.db),
    'conversations.setStatus': (change) => {
      const updated = setConversationStatus(ctx.db, change, ME, ctx.clock());
      changed(change.ids);
      return { updated };
    },
    'conversations.markRead': ({ ids, read }) => {
      const updated = markConversationsRead(ctx.db, ids, read, ME, ctx.clock());
      changed(ids);
      return { updated };
    },
    'conversations.tag': (change) => {
      const updated = tagConversations(ctx.db, change, ME, ctx.clock());
      changed(change.ids);
      return { updated };
    },
    'conversations.assign': (change) => {
      const updated = assignConversations(ctx.db, change, ME, ctx.clock());
      changed(change.ids);
      return { updated };
    },
    'conversations.setUrgent': ({ ids, isUrgent }) => {
      const { updated, newlyUrgent } = setConversationsUrgent(ctx.db, ids, isUrgent, ME, ctx.clock());
      changed(ids);
      for (const conversationId of newlyUrgent) {
        const conversation = getConversation(ctx.db, conversationId);
        escalate(ctx, duty, { conversationId, reason: 'marked by hand', author: conversation.contact.name || conversation.contact.handle, snippet: conversation.snippet });
      }
      return { updated };
    },
  };
}
