import { useEffect, useRef, type ReactNode } from 'react';
import { useOverlayStore } from './overlayStore';

/** A modal dialog: labelled, focus moves in on open and back where it was on close; Escape closes (useShortcuts). */
export function Dialog({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, button, select, textarea, [tabindex="0"]');
    first?.focus();
    return () => previous?.focus();
  }, []);
  return (
    <div className="backdrop" onClick={(event) => event.target === event.currentTarget && useOverlayStore.getState().dismiss()}>
      <div ref={ref} className={className ? `dialog ${className}` : 'dialog'} role="dialog" aria-modal="true" aria-labelledby="dialog-title">
        <h2 id="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
