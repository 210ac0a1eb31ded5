import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api/contract';
import type { OnCallSetup, TeamMember } from '../../../shared/api/team';
import type { Account } from '../../../shared/domain/entities';
import type { Schedule } from '../../../shared/schedule';
import { call } from '../../app/coreClient';

type TeamState = {
  people: TeamMember[];
  onCall: OnCallSetup | null;
  accounts: Account[];
  /** Business hours by account id; null where none are set. */
  hours: Record<string, Schedule | null>;
  load(): Promise<void>;
  save(person: MethodInput<'team.add'> | MethodInput<'team.update'>): Promise<TeamMember>;
  /** Returns how many conversations became unassigned. */
  remove(id: string): Promise<number>;
  setOnCall(input: MethodInput<'team.setOnCall'>): Promise<void>;
  setBusinessHours(accountId: string, schedule: Schedule | null): Promise<void>;
};

/** The workspace's people, who is on call, and the accounts' business hours: refetched after every change. */
export const useTeamStore = create<TeamState>((set, get) => ({
  people: [],
  onCall: null,
  accounts: [],
  hours: {},

  async load() {
    const [people, onCall, accounts, hours] = await Promise.all([call('team.list', {}), call('team.onCall', {}), call('accounts.list', {}), call('accounts.businessHours', {})]);
    set({ people, onCall, accounts, hours: Object.fromEntries(hours.map(({ accountId, schedule }) => [accountId, schedule])) });
  },

  async save(person) {
    const saved = 'id' in person ? await call('team.update', person) : await call('team.add', person);
    await get().load();
    return saved;
  },

  async remove(id) {
    const { unassignedConversations } = await call('team.remove', { id });
    await get().load();
    return unassignedConversations;
  },

  async setOnCall(input) {
    set({ onCall: await call('team.setOnCall', input) });
    await get().load();
  },

  async setBusinessHours(accountId, schedule) {
    await call('accounts.setBusinessHours', { accountId, schedule });
    await get().load();
  },
}));

/** A person's name as the team list shows it: mine may still be blank. */
export const displayName = (person: Pick<TeamMember, 'name' | 'isMe'>, you: string): string => person.name || you;
