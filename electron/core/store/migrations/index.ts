import type { Migration } from '../migrate';
import { initial } from './0001-initial';

/** Every schema version in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [initial];
