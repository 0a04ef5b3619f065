-- 0007: the admission gate — every recorded assessment of a complex's gate facts (kept; the highest sequence
-- counts, and the unique sequence is the gate's optimistic version) and the programme's admission settings
-- (the lower bound of dwellings). Both tenant-owned, with the same fail-closed policy as the other tables.

CREATE TABLE admission_settings (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    minimum_dwellings integer NOT NULL,
    CONSTRAINT pk_admission_settings PRIMARY KEY (id),
    CONSTRAINT fk_admission_settings_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_admission_settings_tenant_id ON admission_settings (tenant_id);

CREATE TABLE admission_assessments (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    sequence integer NOT NULL,
    assessed_at timestamp with time zone NOT NULL,
    assessed_by uuid NOT NULL,
    assessed_by_name character varying(200) NOT NULL,
    shared_entrance boolean NOT NULL,
    -- Complexes of the same tenant (checked by the handler: a foreign key cannot hold an array).
    grouped_with uuid[] NOT NULL,
    core_functions_secured boolean NOT NULL,
    concentration_evidence character varying(2000),
    loneliness character varying(1000),
    liveability_pressure character varying(1000),
    missed_early_signalling character varying(1000),
    care_concentration character varying(1000),
    mostly_self_sufficient boolean NOT NULL,
    hardly_any_home_care boolean NOT NULL,
    municipality_agreed_by character varying(200),
    municipality_agreed_on date,
    municipality_reference character varying(200),
    corporation_agreed_by character varying(200),
    corporation_agreed_on date,
    corporation_reference character varying(200),
    care_provider_agreed_by character varying(200),
    care_provider_agreed_on date,
    care_provider_reference character varying(200),
    CONSTRAINT pk_admission_assessments PRIMARY KEY (id),
    CONSTRAINT ck_admission_assessments_sequence CHECK (sequence >= 1),
    CONSTRAINT fk_admission_assessments_complexes_tenant_id_complex_id
        FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_admission_assessments_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_admission_assessments_tenant_id_complex_id_sequence ON admission_assessments (tenant_id, complex_id, sequence);

ALTER TABLE admission_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE admission_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON admission_settings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE admission_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE admission_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON admission_assessments
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
