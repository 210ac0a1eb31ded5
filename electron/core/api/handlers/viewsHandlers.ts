import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { listSavedViews, listTags, removeSavedView, saveView } from '../../store/savedViews';

export function viewsHandlers(ctx: CoreContext): Pick<Handlers, 'views.list' | 'views.save' | 'views.remove' | 'tags.list'> {
  return {
    'views.list': () => listSavedViews(ctx.db),
    'views.save': (view) => saveView(ctx.db, view, ctx.clock()),
    'views.remove': ({ id }) => ({ removed: removeSavedView(ctx.db, id) }),
    'tags.list': () => listTags(ctx.db),
  };
}
