import type { CoreContext } from '../../coreContext';
import { listRejected, pruneRejected, rejectedRetentionDays, setRejectedRetentionDays } from '../../rejected/rejectedItems';
import type { Handlers } from '../apiServer';

export function rejectedHandlers(ctx: CoreContext): Pick<Handlers, 'rejected.list'> {
  return { 'rejected.list': (query) => listRejected(ctx.db, query) };
}

export function dataSettingsHandlers(ctx: CoreContext): Pick<Handlers, 'data.settings' | 'data.setSettings'> {
  return {
    'data.settings': () => ({ rejectedRetentionDays: rejectedRetentionDays(ctx.db) }),
    'data.setSettings': ({ rejectedRetentionDays: days }) => {
      setRejectedRetentionDays(ctx.db, days);
      // A shorter keep applies now, not at tomorrow's pass.
      pruneRejected(ctx.db, ctx.clock());
      return { rejectedRetentionDays: days };
    },
  };
}
