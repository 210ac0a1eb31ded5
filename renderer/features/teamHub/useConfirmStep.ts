import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * An inline "are you sure?" step in place of the button that asked: Escape answers no (rather
 * than closing the whole Settings dialog), and when the step closes the keyboard goes back to
 * that button instead of falling to the page with the step's own buttons.
 */
export function useConfirmStep() {
  const [isConfirming, setIsConfirming] = useState(false);
  const asker = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !isConfirming && document.activeElement === document.body) asker.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);
  return {
    isConfirming,
    asker,
    ask: () => setIsConfirming(true),
    cancel: () => setIsConfirming(false),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Seen by the window's shortcuts, which then leave the dialog open.
      event.preventDefault();
      setIsConfirming(false);
    },
  };
}
