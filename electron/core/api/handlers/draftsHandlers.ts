import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { clearDraft, getDraft, repliesSince, saveDraft, teammateReplySince } from '../../drafts/draftStore';

type DraftsMethods = Extract<keyof Handlers, `drafts.${string}`>;

/** A draft appearing or going changes its row's "Draft" mark: the list hears of it as of any other change. */
export function draftsHandlers(ctx: CoreContext): Pick<Handlers, DraftsMethods> {
  const changed = (conversationId: string) => ctx.events.emit('inbox.changed', { conversationIds: [conversationId], everything: false });
  return {
    'drafts.get': ({ conversationId }) => getDraft(ctx.db, conversationId),
    'drafts.save': ({ conversationId, text }) => {
      const { draft, isNew } = saveDraft(ctx.db, conversationId, text, ctx.clock());
      if (isNew) changed(conversationId);
      return draft;
    },
    'drafts.clear': ({ conversationId }) => {
      const isCleared = clearDraft(ctx.db, conversationId);
      if (isCleared) changed(conversationId);
      return { isCleared };
    },
    'drafts.repliesSince': (query) => repliesSince(ctx.db, query),
    'drafts.teammateReplySince': (query) => teammateReplySince(ctx.db, query),
  };
}
