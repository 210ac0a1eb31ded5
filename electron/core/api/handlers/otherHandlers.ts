import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import type { DemoWorkspace } from '../../demo/demoWorkspace';
import { listAccounts } from '../../store/accounts';
import { searchMessages } from '../../store/messageSearch';

export function messagesHandlers(ctx: CoreContext): Pick<Handlers, 'messages.search'> {
  return { 'messages.search': (query) => searchMessages(ctx.db, query) };
}

export function accountsHandlers(ctx: CoreContext): Pick<Handlers, 'accounts.list'> {
  return { 'accounts.list': () => listAccounts(ctx.db) };
}

export function demoHandlers(demo: DemoWorkspace): Pick<Handlers, 'demo.start' | 'demo.stop' | 'demo.remove'> {
  return {
    'demo.start': async (settings) => {
      const status = demo.start(settings);
      await demo.pollOnce();
      return status;
    },
    'demo.stop': () => demo.stop(),
    'demo.remove': () => ({ removedAccounts: demo.remove() }),
  };
}
