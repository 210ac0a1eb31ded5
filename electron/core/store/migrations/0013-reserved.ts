import type { Migration } from '../migrate';

/**
 * Version 13 belongs to the backups branch (issue #9 §5): this empty stand-in only keeps the
 * versions contiguous on this branch, and is replaced by that migration when both are merged.
 */
export const reserved13: Migration = {
  version: 13,
  name: 'reserved',
  up() {},
};
