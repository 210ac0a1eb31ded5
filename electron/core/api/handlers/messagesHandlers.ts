import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { searchMessages } from '../../store/messageSearch';

export function messagesHandlers(ctx: CoreContext): Pick<Handlers, 'messages.search'> {
  return { 'messages.search': (query) => searchMessages(ctx.db, query) };
}
