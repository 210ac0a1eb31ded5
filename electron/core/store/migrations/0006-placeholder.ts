import type { Migration } from '../migrate';

/**
 * PLACEHOLDER: version 6 is being written on another branch. It stands in for it so that
 * version 8 (the ledger) runs on this branch; the merge replaces it with the real one.
 */
export const placeholder6: Migration = { version: 6, name: 'placeholder 6', up: () => {} };
