import type { Logger } from '../log/logger';
import { PresenceChannel } from './presence/presenceChannel';
import { MEMBERSHIP_ONLY, type TeamParts } from './teamParts';

/** The team hub's real parts, chosen at the composition root. */
export function realTeamParts(log: Logger): TeamParts {
  return {
    ...MEMBERSHIP_ONLY,
    openPresence: (options) => PresenceChannel.open({ ...options, log }),
  };
}
