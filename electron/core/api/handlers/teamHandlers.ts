import type { Handlers } from '../apiServer';
import type { CoreContext } from '../../coreContext';
import { listBusinessHours, setBusinessHours } from '../../accounts/businessHours';
import type { TeamService } from '../../team/teamService';

type TeamMethods = 'team.list' | 'team.add' | 'team.update' | 'team.remove' | 'team.onCall' | 'team.setOnCall';

export function teamHandlers(team: TeamService): Pick<Handlers, TeamMethods> {
  return {
    'team.list': () => team.list(),
    'team.add': (input) => team.add(input),
    'team.update': (update) => team.update(update),
    'team.remove': ({ id }) => team.remove(id),
    'team.onCall': () => team.onCall(),
    'team.setOnCall': (input) => team.setOnCall(input),
  };
}

/** `onHoursChanged`: waits counted in working minutes move with the hours (rules/ruleScheduler.ts). */
export function businessHoursHandlers(ctx: CoreContext, onHoursChanged: () => void): Pick<Handlers, 'accounts.businessHours' | 'accounts.setBusinessHours'> {
  return {
    'accounts.businessHours': () => listBusinessHours(ctx.db),
    'accounts.setBusinessHours': ({ accountId, schedule }) => {
      const hours = setBusinessHours(ctx.db, accountId, schedule, ctx.clock());
      onHoursChanged();
      return hours;
    },
  };
}
