import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../../coreContext';
import { cachedStatement } from '../../store/statementCache';
import type { Handlers } from '../apiServer';

export function appHandlers(ctx: CoreContext): Pick<Handlers, 'app.showConversation' | 'app.quit'> {
  return {
    'app.showConversation': ({ conversationId }) => {
      const exists = cachedStatement<[string], { id: string }>(ctx.db, 'SELECT id FROM conversations WHERE id = ?').get(conversationId);
      if (!exists) throw new ApiFailure('not_found', `No conversation ${conversationId}.`);
      ctx.events.emit('app.showConversation', { conversationId });
      return { conversationId };
    },
    'app.quit': () => {
      ctx.events.emit('app.quit', {});
      return {};
    },
  };
}
