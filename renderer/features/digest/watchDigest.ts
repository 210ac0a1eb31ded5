import type { ApiClient } from '../../../shared/api/client';
import { call } from '../../app/coreClient';
import { useDutyStore } from '../duty/dutyStore';
import { useOverlayStore } from '../overlays/overlayStore';
import { useDigestStore } from './digestStore';

/**
 * New items while the digest is open (a Monday-morning catch-up poll) refresh it, coalesced:
 * the digest reads much of the inbox, so not more often than this.
 */
const REFRESH_MS = 5_000;

/**
 * Wires the digest to the app: coming on duty (or opening the app on duty) opens it when the
 * core says it is due; closing it, however (Escape, the button, opening an item), records the
 * dismissal; while open, it follows the inbox.
 */
export function watchDigest(client: ApiClient): void {
  useDutyStore.subscribe((state, previous) => {
    if (state.status?.isOnDuty === true && previous.status?.isOnDuty !== true) void useDigestStore.getState().showIfDue();
  });
  useOverlayStore.subscribe((state, previous) => {
    if (previous.open === 'digest' && state.open !== 'digest') void call('digest.dismiss', {});
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  client.on('inbox.changed', () => {
    if (useOverlayStore.getState().open !== 'digest') return;
    timer ??= setTimeout(() => {
      timer = null;
      void useDigestStore.getState().refresh();
    }, REFRESH_MS);
  });
}
