import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { coreAnsweringByHand } from '../../app/coreAnsweringByHand';
import type { HubStatus } from '../../../shared/api/hub';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { useToastStore } from '../toast/toastStore';
import { useHubStore, watchHub } from './hubStore';

await i18next.init({ lng: 'fr', resources: { en: { translation: en }, fr: { translation: fr } }, interpolation: { escapeValue: false } });

/** Lets the client's answer and the store's handlers run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('following the team hub', () => {
  beforeEach(() => {
    useHubStore.setState({ status: null, invitation: null });
    useToastStore.setState({ toasts: [] });
  });

  it('a status the core cannot give is told to the person in their language, and nothing is left unhandled', async () => {
    const core = coreAnsweringByHand();
    watchHub(core.client);
    core.answer('hub.status', { ok: false, error: { code: 'internal', message: 'database locked' } });
    await settle();
    expect(useHubStore.getState().status).toBeNull();
    expect(useToastStore.getState().toasts).toEqual([
      expect.objectContaining({ kind: 'error', text: 'Impossible de savoir si cet ordinateur fait partie d’un espace d’équipe : database locked. Tout fonctionne comme avant sur cet ordinateur.' }),
    ]);
  });

  it('a status the core gives is kept, with no message', async () => {
    const core = coreAnsweringByHand();
    watchHub(core.client);
    const status: HubStatus = { state: 'local', workspace: null, hubAddress: null, isOwner: false, me: null, members: [], leases: [], pendingChanges: 0, cursorLag: 0, lastSyncAt: null, problem: null };
    core.answer('hub.status', { ok: true, value: status });
    await settle();
    expect(useHubStore.getState().status).toEqual(status);
    expect(useToastStore.getState().toasts).toEqual([]);
  });
});
