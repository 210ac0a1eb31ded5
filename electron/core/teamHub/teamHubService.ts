import type { HubStatus } from '../../../shared/api/hub';
import type { CoreContext } from '../coreContext';
import type { TeamHub } from './teamHub';

const LOCAL_ONLY: HubStatus = {
  state: 'local',
  workspace: null,
  hubAddress: null,
  isOwner: false,
  me: null,
  members: [],
  leases: [],
  pendingChanges: 0,
  cursorLag: 0,
  lastSyncAt: null,
  problem: null,
};

const notYet = (): never => {
  throw new Error('Team workspaces are not available in this version yet.');
};

/** Skeleton: local-only. The membership, sync, leases and presence are built on it. */
export function createTeamHub(_context: CoreContext): TeamHub {
  return {
    status: () => LOCAL_ONLY,
    create: async () => notYet(),
    invite: async () => notYet(),
    join: async () => notYet(),
    removeMember: async () => notYet(),
    leave: async () => LOCAL_ONLY,
    syncNow: async () => LOCAL_ONLY,
    announce: () => {},
    presence: () => [],
    close: async () => {},
  };
}
