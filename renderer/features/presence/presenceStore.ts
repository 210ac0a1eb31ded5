import { create } from 'zustand';
import type { ApiClient } from '../../../shared/api/client';
import type { ConversationPresence, HubState } from '../../../shared/api/hub';
import { call } from '../../app/coreClient';
import { useConversationStore } from '../conversation/conversationStore';
import { PresenceAnnouncer } from './presenceAnnouncer';

export type PresentPerson = ConversationPresence['people'][number];

type PresenceState = {
  /** Whether this desktop is in a team workspace: local-only shows and says nothing of presence. */
  isInTeam: boolean;
  /** Teammates' presence, by conversation id. */
  byConversation: ReadonlyMap<string, readonly PresentPerson[]>;
  /** The conversation open here, and whether a reply is being written in it. */
  mine: { conversationId: string; isWriting: boolean } | null;
  receive(list: ConversationPresence[]): void;
  open(conversationId: string | null): void;
  setWriting(conversationId: string, isWriting: boolean): void;
};

const NOBODY: readonly PresentPerson[] = [];

const announcer = new PresenceAnnouncer((conversationId, activity) => {
  // Presence is a courtesy: a failed announcement is said again with the next change or heartbeat.
  call('hub.announce', { conversationId, activity }).catch(() => undefined);
});

export const usePresenceStore = create<PresenceState>((set, get) => ({
  isInTeam: false,
  byConversation: new Map(),
  mine: null,
  receive(list) {
    set({ byConversation: new Map(list.map(({ conversationId, people }) => [conversationId, people])) });
  },
  open(conversationId) {
    set({ mine: conversationId === null ? null : { conversationId, isWriting: false } });
  },
  setWriting(conversationId, isWriting) {
    const { mine } = get();
    if (mine?.conversationId === conversationId && mine.isWriting !== isWriting) set({ mine: { conversationId, isWriting } });
  },
}));

/** Teammates viewing or writing in a conversation now (the same empty list when none). */
export const usePresenceIn = (conversationId: string): readonly PresentPerson[] =>
  usePresenceStore((s) => s.byConversation.get(conversationId) ?? NOBODY);

/** Teammates writing a reply in a conversation now, as last heard. */
export const writersIn = (conversationId: string): PresentPerson[] =>
  (usePresenceStore.getState().byConversation.get(conversationId) ?? NOBODY).filter((person) => person.activity === 'writing');

/**
 * Follows the team's presence: the list at start and on every `hub.presence` event, and whether
 * this desktop is in a team (`hub.status`); while it is, says what this person does.
 */
export async function watchPresence(client: ApiClient): Promise<void> {
  const follow = (state: HubState) => {
    // A removed teammate's desktop is a local-only inbox again.
    const isInTeam = state !== 'local' && state !== 'removed';
    usePresenceStore.setState(isInTeam ? { isInTeam } : { isInTeam, byConversation: new Map() });
    announceMine();
  };
  client.on('hub.presence', (list) => usePresenceStore.getState().isInTeam && usePresenceStore.getState().receive(list));
  client.on('hub.status', (status) => follow(status.state));
  usePresenceStore.subscribe((state, previous) => {
    if (state.mine !== previous.mine) announceMine();
  });
  // The conversation open here is the one this person is viewing.
  useConversationStore.subscribe((state, previous) => {
    if (state.openId !== previous.openId) usePresenceStore.getState().open(state.openId);
  });
  usePresenceStore.getState().open(useConversationStore.getState().openId);
  follow((await call('hub.status', {})).state);
  if (usePresenceStore.getState().isInTeam) usePresenceStore.getState().receive(await call('hub.presence', {}));
}

function announceMine(): void {
  const { isInTeam, mine } = usePresenceStore.getState();
  announcer.set(isInTeam && mine !== null ? { conversationId: mine.conversationId, activity: mine.isWriting ? 'writing' : 'viewing' } : null);
}
