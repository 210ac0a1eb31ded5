import { useEffect, useRef } from 'react';
import { create } from 'zustand';

/** A Settings section's edits not saved yet: what they are about (a rule's name), and how to drop them. */
export type UnsavedChanges = { name: string; discard(): void };

export const useUnsavedStore = create<{ unsaved: UnsavedChanges | null }>(() => ({ unsaved: null }));

/**
 * Held while a section is shown with unsaved edits (null: none): Settings asks before another
 * tab or its Close drops them. One section is shown at a time, so one holder is enough.
 */
export function useUnsavedChanges(unsaved: UnsavedChanges | null): void {
  const discard = useRef<() => void>(() => undefined);
  discard.current = unsaved?.discard ?? (() => undefined);
  const name = unsaved?.name ?? null;
  useEffect(() => {
    if (name === null) return;
    useUnsavedStore.setState({ unsaved: { name, discard: () => discard.current() } });
    return () => useUnsavedStore.setState({ unsaved: null });
  }, [name]);
}
