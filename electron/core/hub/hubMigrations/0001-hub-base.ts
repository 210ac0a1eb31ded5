import type { HubMigration } from '../hubMigrate';

/**
 * The first hub schema: workspaces and their members (one PostgreSQL role per teammate), the
 * change log, account leases and sealed platform tokens, each kept inside its workspace by
 * row-level security. The role running this owns every table (and so bypasses the policies);
 * teammates reach them only through the group role this creates.
 */
export const hubBase: HubMigration = {
  version: 1,
  name: 'hub base',
  sql: /* sql */ `
    -- One group role per hub database (named after the database's oid, unique in the cluster):
    -- each teammate's role is made a member of it, so grants are written once.
    CREATE FUNCTION pieuvre.member_group() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog
      AS $$ SELECT 'pieuvre_members_' || oid FROM pg_database WHERE datname = current_database() $$;
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = pieuvre.member_group()) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', pieuvre.member_group());
      END IF;
    END $$;

    CREATE TABLE pieuvre.workspaces (
      id uuid PRIMARY KEY,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE pieuvre.members (
      workspace_id uuid NOT NULL REFERENCES pieuvre.workspaces (id),
      role_name text NOT NULL,
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      added_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      PRIMARY KEY (workspace_id, role_name)
    );

    CREATE SEQUENCE pieuvre.changes_seq AS bigint;
    CREATE TABLE pieuvre.changes (
      id uuid PRIMARY KEY,
      seq bigint NOT NULL UNIQUE,
      workspace_id uuid NOT NULL REFERENCES pieuvre.workspaces (id),
      desktop_id uuid NOT NULL,
      author_role text NOT NULL,
      entity text NOT NULL CHECK (length(entity) BETWEEN 1 AND 64),
      entity_id text NOT NULL CHECK (length(entity_id) BETWEEN 1 AND 200),
      field text NOT NULL CHECK (length(field) BETWEEN 1 AND 64),
      value jsonb NOT NULL,
      op text NOT NULL CHECK (op IN ('set', 'append')),
      made_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL
    );
    CREATE INDEX changes_by_workspace ON pieuvre.changes (workspace_id, seq);

    CREATE TABLE pieuvre.leases (
      workspace_id uuid NOT NULL REFERENCES pieuvre.workspaces (id),
      account_id uuid NOT NULL,
      holder_desktop_id uuid NOT NULL,
      acquired_at timestamptz NOT NULL,
      heartbeat_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (workspace_id, account_id)
    );

    -- AES-256-GCM under the team key, which the hub never sees; the 16-byte tag ends the ciphertext.
    CREATE TABLE pieuvre.sealed_secrets (
      workspace_id uuid NOT NULL REFERENCES pieuvre.workspaces (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      key_version integer NOT NULL CHECK (key_version >= 1),
      nonce bytea NOT NULL CHECK (length(nonce) = 12),
      ciphertext bytea NOT NULL CHECK (length(ciphertext) >= 16),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, name)
    );

    -- The workspaces of the role that logged in. SECURITY DEFINER reads members past its own
    -- policy (which calls this); session_user, because inside it current_user is the owner.
    CREATE FUNCTION pieuvre.my_workspaces() RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
      AS $$ SELECT workspace_id FROM pieuvre.members WHERE role_name = session_user AND removed_at IS NULL $$;

    -- The server order: taken under a per-workspace lock held until commit, so within a
    -- workspace seq order is commit order and a reader past seq N never misses a later
    -- commit below N. Author and arrival time are the server's, not the desktop's word.
    CREATE FUNCTION pieuvre.stamp_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended(NEW.workspace_id::text, 0));
      NEW.seq := nextval('pieuvre.changes_seq');
      NEW.author_role := session_user;
      NEW.received_at := clock_timestamp();
      RETURN NEW;
    END $$;
    CREATE TRIGGER changes_stamp BEFORE INSERT ON pieuvre.changes FOR EACH ROW EXECUTE FUNCTION pieuvre.stamp_change();

    -- Delivered at commit, on the workspace's own channel.
    CREATE FUNCTION pieuvre.notify_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
    BEGIN
      PERFORM pg_notify('pieuvre_' || NEW.workspace_id, json_build_object('workspaceId', NEW.workspace_id, 'seq', NEW.seq)::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER changes_notify AFTER INSERT ON pieuvre.changes FOR EACH ROW EXECUTE FUNCTION pieuvre.notify_change();

    ALTER TABLE pieuvre.workspaces ENABLE ROW LEVEL SECURITY;
    ALTER TABLE pieuvre.members ENABLE ROW LEVEL SECURITY;
    ALTER TABLE pieuvre.changes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE pieuvre.leases ENABLE ROW LEVEL SECURITY;
    ALTER TABLE pieuvre.sealed_secrets ENABLE ROW LEVEL SECURITY;
    CREATE POLICY mine ON pieuvre.workspaces FOR SELECT USING (id IN (SELECT pieuvre.my_workspaces()));
    CREATE POLICY mine ON pieuvre.members FOR SELECT USING (workspace_id IN (SELECT pieuvre.my_workspaces()));
    CREATE POLICY read_mine ON pieuvre.changes FOR SELECT USING (workspace_id IN (SELECT pieuvre.my_workspaces()));
    CREATE POLICY write_mine ON pieuvre.changes FOR INSERT WITH CHECK (workspace_id IN (SELECT pieuvre.my_workspaces()));
    CREATE POLICY mine ON pieuvre.leases FOR ALL USING (workspace_id IN (SELECT pieuvre.my_workspaces())) WITH CHECK (workspace_id IN (SELECT pieuvre.my_workspaces()));
    CREATE POLICY mine ON pieuvre.sealed_secrets FOR ALL USING (workspace_id IN (SELECT pieuvre.my_workspaces())) WITH CHECK (workspace_id IN (SELECT pieuvre.my_workspaces()));

    -- The change log is append-only for teammates: no UPDATE or DELETE.
    DO $$ BEGIN
      EXECUTE format('GRANT USAGE ON SCHEMA pieuvre TO %I', pieuvre.member_group());
      EXECUTE format('GRANT SELECT ON pieuvre.hub_schema, pieuvre.workspaces, pieuvre.members TO %I', pieuvre.member_group());
      EXECUTE format('GRANT SELECT, INSERT ON pieuvre.changes TO %I', pieuvre.member_group());
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON pieuvre.leases, pieuvre.sealed_secrets TO %I', pieuvre.member_group());
    END $$;
  `,
};
