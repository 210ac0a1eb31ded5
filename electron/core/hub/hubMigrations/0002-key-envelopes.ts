import type { HubMigration } from '../hubMigrate';

/**
 * Rotated team keys for the teammates who stay (#14 §4): each member's desktop publishes an
 * X25519 public key on its own member row, and the owner's desktop leaves the new team key
 * sealed for each current member's key in `key_envelopes`. The hub sees public keys and
 * ciphertext only.
 */
export const keyEnvelopes: HubMigration = {
  version: 2,
  name: 'key envelopes',
  sql: /* sql */ `
    ALTER TABLE pieuvre.members ADD COLUMN public_key bytea CHECK (length(public_key) = 32);

    -- Written by the owner's role (it owns the table), read by the member it is for. The
    -- ephemeral key and the nonce are per envelope; the 16-byte tag ends the ciphertext.
    CREATE TABLE pieuvre.key_envelopes (
      workspace_id uuid NOT NULL,
      role_name text NOT NULL,
      key_version integer NOT NULL CHECK (key_version >= 1),
      ephemeral_public_key bytea NOT NULL CHECK (length(ephemeral_public_key) = 32),
      nonce bytea NOT NULL CHECK (length(nonce) = 12),
      ciphertext bytea NOT NULL CHECK (length(ciphertext) = 48),
      sealed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, role_name, key_version),
      FOREIGN KEY (workspace_id, role_name) REFERENCES pieuvre.members (workspace_id, role_name)
    );

    -- A member sets its own public key and nothing else: the column grant stops other columns,
    -- the policy other rows (and a removed member's row).
    CREATE POLICY own_key ON pieuvre.members FOR UPDATE
      USING (role_name = session_user AND workspace_id IN (SELECT pieuvre.my_workspaces()))
      WITH CHECK (role_name = session_user AND workspace_id IN (SELECT pieuvre.my_workspaces()));

    ALTER TABLE pieuvre.key_envelopes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY own_envelopes ON pieuvre.key_envelopes FOR SELECT
      USING (role_name = session_user AND workspace_id IN (SELECT pieuvre.my_workspaces()));

    DO $$ BEGIN
      EXECUTE format('GRANT UPDATE (public_key) ON pieuvre.members TO %I', pieuvre.member_group());
      EXECUTE format('GRANT SELECT ON pieuvre.key_envelopes TO %I', pieuvre.member_group());
    END $$;
  `,
};
