import { useSyncExternalStore } from 'react';

// One shared ticking clock: relative times ("5 min ago") stay true without a timer per row.
let now = Date.now();
const listeners = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  listeners.forEach((listener) => listener());
}, 30_000);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useNow = (): number => useSyncExternalStore(subscribe, () => now);
