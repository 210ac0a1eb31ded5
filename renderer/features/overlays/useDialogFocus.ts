import { useEffect, useState, type RefObject } from 'react';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** What Tab can reach inside the dialog, in order: visible, enabled, and not taken out of the order (a tab list's other tabs). */
const tabbables = (dialog: HTMLElement): HTMLElement[] =>
  [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);

/**
 * Where focus goes when a dialog closes and what opened it is gone (the welcome's Connect button,
 * the demo group's Remove button once the demo is removed): a page marks its heading with this,
 * rather than leave the keyboard on nothing. The inbox has no mark: its keys work from the page.
 */
const FOCUS_AFTER_DIALOG = '[data-focus-after-dialog]';

/**
 * A modal's focus: inside on open (its first field or button, unless one inside took it already),
 * Tab and Shift+Tab kept inside while open, back to what opened it on close (or to the page's
 * `data-focus-after-dialog` mark if that is gone). A dialog whose fields
 * arrive after it opens (My hours reads the saved hours first) holds focus itself until they do,
 * then hands it to the first, unless the person moved it.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>): void {
  // Read as the dialog first renders: by its effect a field inside may have taken focus already.
  const [focusedBefore] = useState(() => document.activeElement);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // A dialog opened from another (the command palette) goes back to what that one would have.
    const openedFrom = focusedBefore?.isConnected ? focusedBefore : dialog.contains(document.activeElement) ? null : document.activeElement;
    // The page's body is no opener: what had focus was gone before the dialog (the welcome's button).
    const opener = openedFrom instanceof HTMLElement && openedFrom !== document.body ? openedFrom : null;
    // Once a control inside has focus, the person leads: later changes inside never move it.
    const arrivals = new MutationObserver(() => settle());
    const settle = () => {
      if (!dialog.contains(document.activeElement) || document.activeElement === dialog) (tabbables(dialog)[0] ?? dialog).focus();
      if (document.activeElement !== dialog) arrivals.disconnect();
    };
    arrivals.observe(dialog, { childList: true, subtree: true });
    settle();
    const trap = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const inside = tabbables(dialog);
      const first = inside[0];
      const last = inside.at(-1);
      if (!first || !last) return event.preventDefault();
      const isLeaving = !dialog.contains(document.activeElement) || (event.shiftKey ? document.activeElement === first || document.activeElement === dialog : document.activeElement === last);
      if (!isLeaving) return;
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    };
    document.addEventListener('keydown', trap);
    return () => {
      arrivals.disconnect();
      document.removeEventListener('keydown', trap);
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>(FOCUS_AFTER_DIALOG)?.focus();
    };
  }, [ref, focusedBefore]);
}
