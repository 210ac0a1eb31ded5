import { create } from 'zustand';
import type { TeamMember } from '../../../shared/api/team';
import { call } from '../../app/coreClient';

type AssignState = {
  /** Who conversations can go to, me first: the picker's choices and the names on list rows. */
  people: TeamMember[];
  load(): Promise<void>;
};

/** The workspace's people as assignment needs them; refetched when the team changes (a duty change). */
export const useAssignStore = create<AssignState>((set) => ({
  people: [],
  async load() {
    set({ people: await call('team.list', {}) });
  },
}));

/** The person a conversation is assigned to, if they are still in the workspace. */
export const useAssignee = (assigneeId: string | null): TeamMember | undefined =>
  useAssignStore((s) => (assigneeId === null ? undefined : s.people.find((person) => person.id === assigneeId)));
