import type { Migration } from '../migrate';

/**
 * An account signed in or out on this desktop of a team, not yet heard by the hub (#14 §4).
 * Disconnecting an account withdraws it from the whole team (its sealed tokens and lease leave
 * the hub); a desktop that quits or crashes before the hub is reachable must still say so at
 * its next connection, or the token stays on the hub. A row is written in the transaction that
 * disconnects (or signs in) the account and deleted once the hub has heard it; the latest change
 * of an account replaces an older one. No foreign key: a removed account's withdrawal outlives it.
 */
export const hubSignIns: Migration = {
  version: 25,
  name: 'hub sign-ins',
  up(db) {
    db.exec(`
      CREATE TABLE hub_sign_ins (
        account_id TEXT PRIMARY KEY,
        change TEXT NOT NULL CHECK (change IN ('signedIn', 'signedOut')),
        made_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
