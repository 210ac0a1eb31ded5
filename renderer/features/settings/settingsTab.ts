import { useOverlayStore } from '../overlays/overlayStore';

// The tab the next opening of Settings shows (the command palette's "Triage rules…"); taken once as it opens.
let requestedTab: string | null = null;

/** Opens Settings on one of its tabs (a name from its TABS). */
export function openSettingsOn(tab: string): void {
  requestedTab = tab;
  useOverlayStore.getState().show('settings');
}

/** The tab asked for by the last `openSettingsOn`, once; null when Settings was opened plainly. */
export function takeRequestedTab(): string | null {
  const tab = requestedTab;
  requestedTab = null;
  return tab;
}
