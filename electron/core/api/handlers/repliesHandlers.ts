import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { checkDraft, replyWindows } from '../../replies/replyRules';

export function repliesHandlers(ctx: CoreContext): Pick<Handlers, 'replies.check' | 'replies.windows'> {
  return {
    'replies.check': (draft) => checkDraft(ctx, draft),
    'replies.windows': () => replyWindows(ctx),
  };
}
