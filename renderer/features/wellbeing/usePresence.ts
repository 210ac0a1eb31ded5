import { useEffect } from 'react';
import { isBeatDue } from './presence';
import { useWellbeingStore } from './wellbeingStore';

const CHECK_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focus'] as const;

/**
 * Tells the core I am here: a heartbeat about once a minute while the app is visible and I
 * used it in the last few minutes; nothing while it is hidden or idle, or when `isEnabled`
 * is false (off-shift screen, break screen). Starting counts as activity.
 */
export function usePresence(isEnabled: boolean): void {
  useEffect(() => {
    if (!isEnabled) return;
    let lastActivityAt = Date.now();
    let lastBeatAt = -Infinity;
    const beatIfDue = () => {
      const now = Date.now();
      if (!isBeatDue({ isVisible: document.visibilityState === 'visible', now, lastActivityAt, lastBeatAt })) return;
      lastBeatAt = now;
      void useWellbeingStore.getState().heartbeat();
    };
    const onActivity = () => {
      lastActivityAt = Date.now();
      beatIfDue();
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onActivity, { capture: true, passive: true }));
    document.addEventListener('visibilitychange', beatIfDue);
    const timer = setInterval(beatIfDue, CHECK_MS);
    beatIfDue();
    return () => {
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onActivity, { capture: true }));
      document.removeEventListener('visibilitychange', beatIfDue);
      clearInterval(timer);
    };
  }, [isEnabled]);
}
