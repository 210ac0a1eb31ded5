import type { Handlers } from '../apiServer';
import type { TeamHub } from '../../teamHub/teamHub';

type HubMethods = Extract<keyof Handlers, `hub.${string}`>;

export function hubHandlers(hub: TeamHub): Pick<Handlers, HubMethods> {
  return {
    'hub.status': () => hub.status(),
    'hub.create': (input) => hub.create(input),
    'hub.invite': (input) => hub.invite(input),
    'hub.join': (input) => hub.join(input),
    'hub.removeMember': ({ role }) => hub.removeMember(role),
    'hub.leave': () => hub.leave(),
    'hub.syncNow': () => hub.syncNow(),
    'hub.announce': ({ conversationId, activity }) => hub.announce(conversationId, activity),
    'hub.presence': () => hub.presence(),
  };
}
