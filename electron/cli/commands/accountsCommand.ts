import { UsageError } from '../cliErrors';
import type { Command } from './command';

/** Demo accounts are always connected; real accounts get their sign-in state with #10's accounts. */
const ACCOUNT_STATUS = 'connected';

export const accountsCommand: Command = {
  usage: 'accounts list',
  options: {},
  async run(session, args) {
    const [action, ...extra] = args.positionals;
    if (action !== 'list' || extra.length > 0) throw new UsageError(`Unknown accounts action "${args.positionals.join(' ')}" (usage: pieuvre ${this.usage}).`);
    const accounts = (await session.call('accounts.list', {})).map(({ id, platform, handle }) => ({ id, platform, handle, status: ACCOUNT_STATUS }));
    return {
      json: accounts,
      text: accounts.length === 0 ? 'No accounts.' : accounts.map((a) => `${a.id}  ${a.platform}  ${a.handle}  ${a.status}`).join('\n'),
    };
  },
};
