import type { Migration } from '../migrate';

/**
 * PLACEHOLDER: version 10 is being written on another branch. It stands in for it so that
 * version 11 (templates) runs on this branch; the merge replaces it with the real one.
 */
export const placeholder10: Migration = { version: 10, name: 'placeholder 10', up: () => {} };
