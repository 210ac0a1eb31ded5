import type { Db } from '../../store/database';
import { newId } from '../../ids';

/** Per connection: whether local writes are being queued for the hub right now. */
type CaptureState = { isOn: boolean; now: () => number; listeners: Set<() => void> };
const switches = new WeakMap<Db, CaptureState>();

/**
 * The SQL functions the capture triggers call, registered once per connection. A clock given
 * replaces the one before (a capture restarted on the same connection); none keeps it.
 */
export function registerCaptureFunctions(db: Db, now?: () => number): void {
  const existing = switches.get(db);
  if (existing) {
    if (now) existing.now = now;
    return;
  }
  const state: CaptureState = { isOn: true, now: now ?? Date.now, listeners: new Set() };
  switches.set(db, state);
  db.function('hub_capturing', { deterministic: false }, () => (state.isOn ? 1 : 0));
  db.function('hub_change_id', { deterministic: false }, () => {
    for (const listener of state.listeners) listener();
    return newId();
  });
  db.function('hub_now', { deterministic: false }, () => state.now());
}

/**
 * Runs `work` with capture off: what it writes came from the hub and must not be queued back.
 * Restores the switch even when `work` throws.
 */
export function withoutCapture<T>(db: Db, work: () => T): T {
  const state = switches.get(db);
  if (!state) return work();
  const wasOn = state.isOn;
  state.isOn = false;
  try {
    return work();
  } finally {
    state.isOn = wasOn;
  }
}

/**
 * Calls `listener` whenever a change is queued on this connection (inside the writing
 * transaction: it should only schedule work). Returns the unsubscribe function.
 */
export function onLocalChange(db: Db, listener: () => void): () => void {
  registerCaptureFunctions(db);
  const state = switches.get(db);
  state?.listeners.add(listener);
  return () => state?.listeners.delete(listener);
}
