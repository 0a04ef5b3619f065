-- 0002: programme data — partner organisations, complexes, the versioned phase catalogue with
-- checklist ticks and phase transitions, and the programme's ambition. Every table is tenant-owned.

CREATE TABLE organisations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(30) NOT NULL,
    contact_name character varying(200),
    contact_email character varying(254),
    contact_phone character varying(30),
    notes character varying(2000),
    care_provider_facts jsonb,
    CONSTRAINT pk_organisations PRIMARY KEY (id),
    CONSTRAINT fk_organisations_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE phase_catalogues (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_phase_catalogues PRIMARY KEY (id),
    CONSTRAINT fk_phase_catalogues_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE programme_ambitions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    target_count integer NOT NULL,
    target_year integer NOT NULL,
    CONSTRAINT pk_programme_ambitions PRIMARY KEY (id),
    CONSTRAINT fk_programme_ambitions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE complexes (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    address character varying(200) NOT NULL,
    postcode character varying(7) NOT NULL,
    municipality character varying(100) NOT NULL,
    district character varying(100),
    housing_corporation_id uuid,
    dwelling_count integer NOT NULL,
    share_aged65plus numeric(5,2),
    zero_step_dwellings integer,
    share_social_rent numeric(5,2),
    has_common_room boolean NOT NULL,
    common_room_open_to_neighbourhood boolean NOT NULL,
    near_facilities boolean NOT NULL,
    has_workspace_for_team boolean NOT NULL,
    cluster_name character varying(100),
    notes character varying(2000),
    created_at timestamp with time zone NOT NULL,
    catalogue_id uuid NOT NULL,
    current_phase integer NOT NULL,
    checklist_revision integer NOT NULL,
    CONSTRAINT pk_complexes PRIMARY KEY (id),
    CONSTRAINT fk_complexes_organisations_housing_corporation_id FOREIGN KEY (housing_corporation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_complexes_phase_catalogues_catalogue_id FOREIGN KEY (catalogue_id) REFERENCES phase_catalogues (id) ON DELETE RESTRICT,
    CONSTRAINT fk_complexes_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE phase_checklist_items (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    catalogue_id uuid NOT NULL,
    phase integer NOT NULL,
    code character varying(50) NOT NULL,
    title character varying(200) NOT NULL,
    sort_order integer NOT NULL,
    CONSTRAINT pk_phase_checklist_items PRIMARY KEY (id),
    CONSTRAINT fk_phase_checklist_items_phase_catalogues_catalogue_id FOREIGN KEY (catalogue_id) REFERENCES phase_catalogues (id) ON DELETE CASCADE,
    CONSTRAINT fk_phase_checklist_items_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE phase_transitions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    from_phase integer NOT NULL,
    to_phase integer NOT NULL,
    at timestamp with time zone NOT NULL,
    by uuid NOT NULL,
    by_name character varying(200) NOT NULL,
    reason character varying(1000),
    was_override boolean NOT NULL,
    CONSTRAINT pk_phase_transitions PRIMARY KEY (id),
    CONSTRAINT fk_phase_transitions_complexes_complex_id FOREIGN KEY (complex_id) REFERENCES complexes (id) ON DELETE CASCADE,
    CONSTRAINT fk_phase_transitions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE TABLE checklist_ticks (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    item_id uuid NOT NULL,
    phase integer NOT NULL,
    ticked_on date NOT NULL,
    ticked_by uuid NOT NULL,
    ticked_by_name character varying(200) NOT NULL,
    note character varying(1000),
    evidence_url character varying(500),
    unticked_at timestamp with time zone,
    unticked_by uuid,
    unticked_by_name character varying(200),
    untick_reason character varying(1000),
    CONSTRAINT pk_checklist_ticks PRIMARY KEY (id),
    CONSTRAINT fk_checklist_ticks_complexes_complex_id FOREIGN KEY (complex_id) REFERENCES complexes (id) ON DELETE CASCADE,
    CONSTRAINT fk_checklist_ticks_phase_checklist_item_item_id FOREIGN KEY (item_id) REFERENCES phase_checklist_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_checklist_ticks_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_checklist_ticks_complex_id_item_id ON checklist_ticks (complex_id, item_id) WHERE unticked_at IS NULL;

CREATE INDEX ix_checklist_ticks_item_id ON checklist_ticks (item_id);

CREATE INDEX ix_checklist_ticks_tenant_id ON checklist_ticks (tenant_id);

CREATE INDEX ix_complexes_catalogue_id ON complexes (catalogue_id);

CREATE INDEX ix_complexes_housing_corporation_id ON complexes (housing_corporation_id);

CREATE INDEX ix_complexes_tenant_id_current_phase ON complexes (tenant_id, current_phase);

CREATE INDEX ix_complexes_tenant_id_name ON complexes (tenant_id, name);

CREATE INDEX ix_organisations_tenant_id_name ON organisations (tenant_id, name);

CREATE UNIQUE INDEX ix_phase_catalogues_tenant_id_version ON phase_catalogues (tenant_id, version);

CREATE UNIQUE INDEX ix_phase_checklist_items_catalogue_id_code ON phase_checklist_items (catalogue_id, code);

CREATE INDEX ix_phase_checklist_items_tenant_id ON phase_checklist_items (tenant_id);

CREATE INDEX ix_phase_transitions_complex_id ON phase_transitions (complex_id);

CREATE INDEX ix_phase_transitions_tenant_id ON phase_transitions (tenant_id);

CREATE UNIQUE INDEX ix_programme_ambitions_tenant_id ON programme_ambitions (tenant_id);

-- Row-level security: same fail-closed policy as 0001.
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisations
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE phase_catalogues ENABLE ROW LEVEL SECURITY;
ALTER TABLE phase_catalogues FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON phase_catalogues
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE programme_ambitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_ambitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON programme_ambitions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE complexes ENABLE ROW LEVEL SECURITY;
ALTER TABLE complexes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complexes
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE phase_checklist_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE phase_checklist_items FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON phase_checklist_items
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE phase_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE phase_transitions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON phase_transitions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE checklist_ticks ENABLE ROW LEVEL SECURITY;
ALTER TABLE checklist_ticks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON checklist_ticks
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
