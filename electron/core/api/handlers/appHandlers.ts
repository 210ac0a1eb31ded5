import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../../coreContext';
import { cachedStatement } from '../../store/statementCache';
import type { Handlers } from '../apiServer';

/** Reports a window may log per minute: past that a looping bug's reports are dropped, and counted. */
const REPORTS_PER_MINUTE = 30;

export function appHandlers(ctx: CoreContext): Pick<Handlers, 'app.showConversation' | 'app.quit' | 'app.log'> {
  let minute = 0;
  let reports = 0;
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
    'app.log': ({ level, source, message, stack }) => {
      const now = Math.floor(ctx.clock() / 60_000);
      if (now !== minute) {
        if (reports > REPORTS_PER_MINUTE) ctx.log.warn('A window reported more errors than are logged.', { dropped: reports - REPORTS_PER_MINUTE });
        minute = now;
        reports = 0;
      }
      reports += 1;
      if (reports > REPORTS_PER_MINUTE) return { isLogged: false };
      // Logged as the error it was, so its message is kept (scrubbed) where a `message` field would be masked.
      const error = Object.assign(new Error(message), { name: 'WindowError', stack: stack ?? `WindowError: ${message}` });
      ctx.log[level]('A window reported an error nobody handled.', { from: 'renderer', source, err: error });
      return { isLogged: true };
    },
  };
}
