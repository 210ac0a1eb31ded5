import type { Migration } from '../migrate';

/**
 * PLACEHOLDER: version 9 is being written on another branch. It stands in for it so that
 * version 11 (templates) runs on this branch; the merge replaces it with the real one.
 */
export const placeholder9: Migration = { version: 9, name: 'placeholder 9', up: () => {} };
