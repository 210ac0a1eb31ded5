import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { awayRepliesSetup, setAwayReplySettings } from '../../awayReplies/awayReplySettings';

export function awayRepliesHandlers(ctx: CoreContext): Pick<Handlers, 'awayReplies.settings' | 'awayReplies.setSettings'> {
  return {
    'awayReplies.settings': () => awayRepliesSetup(ctx.db),
    'awayReplies.setSettings': ({ accountId, settings }) => setAwayReplySettings(ctx.db, accountId, settings, ctx.clock()),
  };
}
