import i18next from 'i18next';
import { useToastStore } from '../toast/toastStore';
import { create } from 'zustand';
import type { ApiClient } from '../../../shared/api/client';
import type { HubStatus } from '../../../shared/api/hub';
import { call } from '../../app/coreClient';

export type CreateInput = { url: string; workspaceName: string; myName: string; serverCa?: string };
export type MadeInvitation = { name: string; invitation: string; expiresAt: number };

type HubState = {
  status: HubStatus | null;
  /** The last invitation made here, shown until the dialog closes or another is made. */
  invitation: MadeInvitation | null;
  load(): Promise<void>;
  receive(status: HubStatus): void;
  create(input: CreateInput): Promise<void>;
  join(invitation: string): Promise<void>;
  invite(name: string, expiresInDays: number): Promise<void>;
  removeMember(role: string): Promise<void>;
  leave(): Promise<void>;
  syncNow(): Promise<void>;
};

/** This desktop's team workspace, as the core says (`hub.status`, then its events). */
export const useHubStore = create<HubState>((set) => ({
  status: null,
  invitation: null,
  async load() {
    set({ status: await call('hub.status', {}) });
  },
  receive(status) {
    set({ status });
  },
  async create(input) {
    set({ status: await call('hub.create', input) });
  },
  async join(invitation) {
    set({ status: await call('hub.join', { invitation }) });
  },
  async invite(name, expiresInDays) {
    const made = await call('hub.invite', { name, expiresInDays });
    set({ invitation: { name, ...made } });
  },
  async removeMember(role) {
    set({ status: await call('hub.removeMember', { role }) });
  },
  async leave() {
    set({ status: await call('hub.leave', {}), invitation: null });
  },
  async syncNow() {
    set({ status: await call('hub.syncNow', {}) });
  },
}));

/** Long enough to read two names twice. */
const ALSO_ASSIGNED_MS = 10_000;

/** Follows the core's team hub: its status now, then each change it pushes. */
export function watchHub(client: ApiClient): void {
  client.on('hub.status', (status) => useHubStore.getState().receive(status));
  // Two assignments of one conversation a minute apart from two desktops: nobody is left thinking it is theirs alone.
  client.on('hub.alsoAssigned', ({ by, to, previousBy, previousTo }) => {
    const nobody = i18next.t('teamHub.alsoAssignedNobody');
    useToastStore.getState().show('info', i18next.t('teamHub.alsoAssigned', { by, to: to ?? nobody, previousBy, previousTo: previousTo ?? nobody }), { visibleMs: ALSO_ASSIGNED_MS });
  });
  // Without its status the indicator says "Local only", which may be wrong: the person is told, in their language.
  useHubStore
    .getState()
    .load()
    .catch((failure: unknown) => useToastStore.getState().show('error', i18next.t('teamHub.statusFailed', { message: failure instanceof Error ? failure.message : String(failure) })));
}
