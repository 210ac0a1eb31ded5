import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import type { DemoWorkspace } from '../../demo/demoWorkspace';
import { listAccounts } from '../../store/accounts';
import { searchMessages } from '../../store/messageSearch';
import { listSavedViews, listTags, removeSavedView, saveView } from '../../store/savedViews';

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

export function viewsHandlers(ctx: CoreContext): Pick<Handlers, 'views.list' | 'views.save' | 'views.remove' | 'tags.list'> {
  return {
    'views.list': () => listSavedViews(ctx.db),
    'views.save': (view) => saveView(ctx.db, view, ctx.clock()),
    'views.remove': ({ id }) => ({ removed: removeSavedView(ctx.db, id) }),
    'tags.list': () => listTags(ctx.db),
  };
}
