import { z } from 'zod';
import { method } from './method';

/**
 * The inbox database's health. `checking`: the integrity check runs in the background (the
 * inbox reads; changes wait for it). `damaged`: the check failed, the core stopped writing and
 * the app shows why, with a way out.
 */
export type DatabaseStatus = {
  state: 'checking' | 'ok' | 'damaged';
  /** The folder holding the database, to show the person where their data is (null in memory). */
  dataDir: string | null;
  /** SQLite's own description of what is wrong, when damaged. */
  problems: string[];
};

export const databaseContract = {
  'database.status': method<DatabaseStatus>()(z.strictObject({})),
};
