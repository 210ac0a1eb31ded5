import type { Migration } from '../migrate';

/**
 * PLACEHOLDER: version 7 is being written on another branch. It stands in for it so that
 * version 11 (templates) runs on this branch; the merge replaces it with the real one.
 */
export const placeholder7: Migration = { version: 7, name: 'placeholder 7', up: () => {} };
