import { useRef, type ReactNode } from 'react';
import { useOverlayStore } from './overlayStore';
import { useDialogFocus } from './useDialogFocus';

/**
 * A modal dialog: labelled, focus moves in on open, stays in while open and goes back where it was
 * on close (useDialogFocus); Escape closes (useShortcuts). It fits the window's height and scrolls inside.
 */
export function Dialog({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref);
  return (
    <div className="backdrop" onClick={(event) => event.target === event.currentTarget && useOverlayStore.getState().dismiss()}>
      <div ref={ref} className={className ? `dialog ${className}` : 'dialog'} role="dialog" aria-modal="true" tabIndex={-1} aria-labelledby="dialog-title">
        <h2 id="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
