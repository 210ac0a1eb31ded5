import { useEffect } from 'react';
import { useOverlayStore } from '../overlays/overlayStore';
import { actionForKey, isTypingTarget } from './keymap';
import { runAction } from './runAction';

/** One keydown listener for the whole window: shortcuts act unless the person is typing or a dialog is open. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const overlay = useOverlayStore.getState().open;
      if (overlay !== null) {
        if (event.key === 'Escape') {
          useOverlayStore.getState().dismiss();
          event.preventDefault();
        }
        return;
      }
      const action = actionForKey(event);
      if (action === null) return;
      const isTyping = isTypingTarget(event.target as HTMLElement | null);
      // Ctrl/Cmd+K works everywhere, even in a field: it is a chord, not a letter someone types.
      if (isTyping && action !== 'palette') return;
      // Enter on a button or a link activates it; only on the list does it open the conversation.
      if (action === 'open' && event.key === 'Enter' && (event.target as HTMLElement | null)?.closest('button, a, [role="dialog"]')) return;
      event.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
