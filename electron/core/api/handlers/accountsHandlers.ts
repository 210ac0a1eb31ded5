import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { listAccounts } from '../../store/accounts';

export function accountsHandlers(ctx: CoreContext): Pick<Handlers, 'accounts.list'> {
  return { 'accounts.list': () => listAccounts(ctx.db) };
}
