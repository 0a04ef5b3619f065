-- 0012: flat teams and their early-signalling meetings (issue 9), and the NEN 7513 access log.
-- The team list is tenant data (programme leads keep it). The signal tables — meetings, signals, actions — are
-- readable and writable ONLY for an account that is on THAT complex's flat team today and holds the flat-team role:
-- their policy joins the team membership on the user the connection interceptor sets (app.user_id). Leads and
-- observers read counts from signal_tallies (complex, month, category; no code, no text), filled by a trigger.

CREATE TABLE flat_team_members (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    name character varying(120) NOT NULL,
    organisation character varying(120) NOT NULL,
    role character varying(40) NOT NULL,
    contact character varying(200),
    starts_on date NOT NULL,
    ends_on date,
    user_id uuid,
    CONSTRAINT pk_flat_team_members PRIMARY KEY (id),
    CONSTRAINT ak_flat_team_members_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_flat_team_members_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_flat_team_members_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
    CONSTRAINT fk_flat_team_members_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_flat_team_members_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX ix_flat_team_members_tenant_id_complex_id_user_id ON flat_team_members (tenant_id, complex_id, user_id);
CREATE INDEX ix_flat_team_members_user_id ON flat_team_members (user_id);

ALTER TABLE flat_team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE flat_team_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON flat_team_members
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- True when the connection's user is, today, on the flat team of this complex in the connection's tenant and holds
-- the flat-team role there. STABLE and SECURITY INVOKER: it reads through the same tenant policies.
CREATE FUNCTION app_on_flat_team(p_tenant uuid, p_complex uuid) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT p_tenant = NULLIF(current_setting('app.tenant_id', true), '')::uuid
       AND EXISTS (SELECT 1 FROM flat_team_members m
                   WHERE m.tenant_id = p_tenant AND m.complex_id = p_complex
                     AND m.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid
                     AND m.starts_on <= current_date AND (m.ends_on IS NULL OR m.ends_on >= current_date))
       AND EXISTS (SELECT 1 FROM tenant_memberships tm
                   WHERE tm.tenant_id = p_tenant AND tm.role = 'FlatTeamMember'
                     AND tm.user_id = NULLIF(current_setting('app.user_id', true), '')::uuid)
$$;

CREATE TABLE signal_meetings (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    held_on date NOT NULL,
    attendee_ids uuid[] NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_signal_meetings PRIMARY KEY (id),
    CONSTRAINT ak_signal_meetings_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_signal_meetings_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_meetings_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_signal_meetings_tenant_id_complex_id_held_on ON signal_meetings (tenant_id, complex_id, held_on);

CREATE TABLE signals (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    resident_code character varying(40),
    category character varying(30) NOT NULL,
    noticed_by character varying(30) NOT NULL,
    description character varying(500),
    status character varying(30) NOT NULL,
    closed_on date,
    details_removed_at timestamp with time zone,
    CONSTRAINT pk_signals PRIMARY KEY (id),
    CONSTRAINT ak_signals_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_signals_signal_meetings_tenant_id_meeting_id FOREIGN KEY (tenant_id, meeting_id) REFERENCES signal_meetings (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signals_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signals_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_signals_tenant_id_meeting_id ON signals (tenant_id, meeting_id);
CREATE INDEX ix_signals_tenant_id_complex_id ON signals (tenant_id, complex_id);
CREATE INDEX ix_signals_tenant_id_status_closed_on ON signals (tenant_id, status, closed_on);

CREATE TABLE signal_actions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    signal_id uuid NOT NULL,
    owner_id uuid NOT NULL,
    due date NOT NULL,
    escalation_level integer NOT NULL,
    warm_handover boolean NOT NULL,
    status character varying(30) NOT NULL,
    outcome character varying(500),
    CONSTRAINT pk_signal_actions PRIMARY KEY (id),
    CONSTRAINT fk_signal_actions_signals_tenant_id_signal_id FOREIGN KEY (tenant_id, signal_id) REFERENCES signals (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_actions_flat_team_members_tenant_id_owner_id FOREIGN KEY (tenant_id, owner_id) REFERENCES flat_team_members (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_signal_actions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_signal_actions_tenant_id_signal_id ON signal_actions (tenant_id, signal_id);
CREATE INDEX ix_signal_actions_tenant_id_owner_id ON signal_actions (tenant_id, owner_id);

ALTER TABLE signal_meetings ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_meetings FORCE ROW LEVEL SECURITY;
CREATE POLICY flat_team_only ON signal_meetings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));
ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
ALTER TABLE signals FORCE ROW LEVEL SECURITY;
CREATE POLICY flat_team_only ON signals
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));
ALTER TABLE signal_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY flat_team_only ON signal_actions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));

-- Counts only: one row per signal with its complex, month and category — no code, no text, no meeting. Tenant-wide
-- readable, so leads and observers can count; written only by the trigger below (in the team member's transaction).
CREATE TABLE signal_tallies (
    id uuid NOT NULL, -- the signal's id
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    month date NOT NULL,
    category character varying(30) NOT NULL,
    CONSTRAINT pk_signal_tallies PRIMARY KEY (id),
    CONSTRAINT fk_signal_tallies_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_tallies_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_signal_tallies_tenant_id_complex_id_month ON signal_tallies (tenant_id, complex_id, month);
ALTER TABLE signal_tallies ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_tallies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON signal_tallies
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));

CREATE FUNCTION signals_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO signal_tallies (id, tenant_id, complex_id, month, category)
    SELECT NEW.id, NEW.tenant_id, NEW.complex_id, date_trunc('month', m.held_on)::date, NEW.category
    FROM signal_meetings m WHERE m.tenant_id = NEW.tenant_id AND m.id = NEW.meeting_id
    ON CONFLICT (id) DO UPDATE SET category = EXCLUDED.category;
    RETURN NEW;
END $$;
CREATE TRIGGER trg_signals_tally AFTER INSERT OR UPDATE OF category ON signals
    FOR EACH ROW EXECUTE FUNCTION signals_tally();

-- NEN 7513: who viewed, changed or exported which signal details, when, from where. The portal's role may only
-- INSERT and SELECT (the migrator revokes UPDATE, DELETE and TRUNCATE after granting); no policy allows UPDATE or DELETE
-- either, and an entry can only be written for the connection's own user.
CREATE TABLE access_log (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid NOT NULL,
    user_name character varying(256) NOT NULL,
    complex_id uuid,
    meeting_id uuid,
    signal_id uuid,
    action character varying(30) NOT NULL,
    detail character varying(300),
    address character varying(64),
    CONSTRAINT pk_access_log PRIMARY KEY (id),
    CONSTRAINT fk_access_log_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_access_log_tenant_id_at ON access_log (tenant_id, at DESC);
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own_tenant ON access_log FOR SELECT
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY write_own_entries ON access_log FOR INSERT
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                AND user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
