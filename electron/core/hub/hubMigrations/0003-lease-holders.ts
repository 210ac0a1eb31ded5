import type { HubMigration } from '../hubMigrate';

/**
 * Leases name the person behind the desktop, and a disconnected account's token leaves the hub
 * (#14 §2, §4). The hub stamps each lease with the role that took it (session_user, as it
 * stamps changes: a desktop cannot claim to be someone else), so a teammate reads "Julie's
 * computer" from the members row. `withdrawn_accounts` remembers an account disconnected on a
 * desktop of the team: its sealed tokens are deleted with its lease, and no other desktop puts
 * its own copy back until someone signs the account in again.
 */
export const leaseHolders: HubMigration = {
  version: 3,
  name: 'lease holders',
  sql: /* sql */ `
    -- Leases taken before this version were taken by someone unknown: they run out within a
    -- lease's time and are stamped when taken again.
    ALTER TABLE pieuvre.leases ADD COLUMN holder_role text;

    CREATE FUNCTION pieuvre.stamp_lease_holder() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
    BEGIN
      NEW.holder_role := session_user;
      RETURN NEW;
    END $$;
    CREATE TRIGGER leases_stamp_holder BEFORE INSERT OR UPDATE ON pieuvre.leases FOR EACH ROW EXECUTE FUNCTION pieuvre.stamp_lease_holder();

    CREATE TABLE pieuvre.withdrawn_accounts (
      workspace_id uuid NOT NULL REFERENCES pieuvre.workspaces (id),
      account_id uuid NOT NULL,
      withdrawn_by_role text NOT NULL DEFAULT session_user,
      withdrawn_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (workspace_id, account_id)
    );
    ALTER TABLE pieuvre.withdrawn_accounts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY mine ON pieuvre.withdrawn_accounts FOR ALL
      USING (workspace_id IN (SELECT pieuvre.my_workspaces())) WITH CHECK (workspace_id IN (SELECT pieuvre.my_workspaces()));

    DO $$ BEGIN
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON pieuvre.withdrawn_accounts TO %I', pieuvre.member_group());
    END $$;
  `,
};
