import type { Migration } from '../migrate';

/**
 * PLACEHOLDER: version 8 is being written on another branch. It stands in for it so that
 * version 11 (templates) runs on this branch; the merge replaces it with the real one.
 */
export const placeholder8: Migration = { version: 8, name: 'placeholder 8', up: () => {} };
