-- 0016: what issue 9 still missed for the flat team and its meetings.
-- * Meeting drafts: a meeting being entered is stored as the user types, one row per signal (each with its own xmin
--   version), so two team members editing the same meeting never overwrite each other's signals. Same policy as the
--   signal tables: only the complex's flat team today (app_on_flat_team). Finishing the meeting deletes the draft.
-- * Escalation lines per complex (who signals, acts, decides; levels with criteria): tenant data, like the team list.
-- * The team's ambition and work agenda: free text with a date, every version kept (history; the app only inserts).
-- * The programme's resident-code pattern (one row per tenant; none = the default pattern).

CREATE TABLE signal_meeting_drafts (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    held_on date,
    attendee_ids uuid[] NOT NULL,
    started_by uuid NOT NULL,
    started_at timestamp with time zone NOT NULL,
    updated_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_signal_meeting_drafts PRIMARY KEY (id),
    CONSTRAINT ak_meeting_drafts_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_signal_meeting_drafts_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_meeting_drafts_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
-- One meeting is entered at a time per complex: everyone who opens the page works on the same draft.
CREATE UNIQUE INDEX ix_signal_meeting_drafts_tenant_id_complex_id ON signal_meeting_drafts (tenant_id, complex_id);

CREATE TABLE signal_draft_items (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    draft_id uuid NOT NULL,
    position integer NOT NULL,
    content jsonb NOT NULL,
    updated_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_signal_draft_items PRIMARY KEY (id),
    CONSTRAINT fk_signal_draft_items_meeting_drafts_tenant_id_draft_id FOREIGN KEY (tenant_id, draft_id) REFERENCES signal_meeting_drafts (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_draft_items_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_signal_draft_items_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_signal_draft_items_tenant_id_draft_id ON signal_draft_items (tenant_id, draft_id);
CREATE INDEX ix_signal_draft_items_tenant_id_complex_id ON signal_draft_items (tenant_id, complex_id);

ALTER TABLE signal_meeting_drafts ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_meeting_drafts FORCE ROW LEVEL SECURITY;
CREATE POLICY flat_team_only ON signal_meeting_drafts
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));
ALTER TABLE signal_draft_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_draft_items FORCE ROW LEVEL SECURITY;
CREATE POLICY flat_team_only ON signal_draft_items
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND app_on_flat_team(tenant_id, complex_id));

CREATE TABLE escalation_lines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    content jsonb NOT NULL,
    updated_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_escalation_lines PRIMARY KEY (id),
    CONSTRAINT fk_escalation_lines_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_escalation_lines_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_escalation_lines_tenant_id_complex_id ON escalation_lines (tenant_id, complex_id);
ALTER TABLE escalation_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE escalation_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON escalation_lines
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE team_agenda_entries (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    text character varying(4000) NOT NULL,
    dated_on date NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_by_name character varying(256) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_team_agenda_entries PRIMARY KEY (id),
    CONSTRAINT fk_team_agenda_entries_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_team_agenda_entries_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_team_agenda_entries_tenant_id_complex_id_kind_recorded_at ON team_agenda_entries (tenant_id, complex_id, kind, recorded_at);
ALTER TABLE team_agenda_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_agenda_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_agenda_entries
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

CREATE TABLE resident_code_settings (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    pattern character varying(200) NOT NULL,
    example character varying(40) NOT NULL,
    CONSTRAINT pk_resident_code_settings PRIMARY KEY (id),
    CONSTRAINT fk_resident_code_settings_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_resident_code_settings_tenant_id ON resident_code_settings (tenant_id);
ALTER TABLE resident_code_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE resident_code_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON resident_code_settings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
