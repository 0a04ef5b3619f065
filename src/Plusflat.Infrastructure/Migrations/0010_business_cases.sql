-- 0010: the business case per complex — one working copy per complex (its lines, shares and settings as one jsonb plan;
-- optimistic concurrency on xmin) and its frozen versions (immutable jsonb snapshots, numbered per complex). Both
-- tenant-owned, with the fail-closed policy of 0001 and references that carry the tenant (0003/0004).

CREATE TABLE business_cases (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by uuid NOT NULL,
    updated_by_name character varying(200) NOT NULL,
    frozen_versions integer NOT NULL,
    plan jsonb NOT NULL,
    CONSTRAINT pk_business_cases PRIMARY KEY (id),
    CONSTRAINT ak_business_cases_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_business_cases_complexes_tenant_id_complex_id
        FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_business_cases_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
-- One working copy per complex: two leads creating one at once cannot both win.
CREATE UNIQUE INDEX ix_business_cases_tenant_id_complex_id ON business_cases (tenant_id, complex_id);

CREATE TABLE business_case_versions (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    business_case_id uuid NOT NULL,
    number integer NOT NULL,
    note character varying(500) NULL,
    frozen_at timestamp with time zone NOT NULL,
    frozen_by uuid NOT NULL,
    frozen_by_name character varying(200) NOT NULL,
    plan jsonb NOT NULL,
    CONSTRAINT pk_business_case_versions PRIMARY KEY (id),
    CONSTRAINT fk_business_case_versions_business_cases_tenant_id_business_ca
        FOREIGN KEY (tenant_id, business_case_id) REFERENCES business_cases (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_business_case_versions_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_business_case_versions_tenant_id_business_case_id_number ON business_case_versions (tenant_id, business_case_id, number);
CREATE INDEX ix_business_case_versions_tenant_id_complex_id ON business_case_versions (tenant_id, complex_id);

-- A frozen version never changes: its content columns refuse every update, whoever sends it. (The tenant column is left
-- to row-level security, which refuses moving a row to another tenant; deleting the complex still cascades.)
CREATE FUNCTION business_case_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.complex_id, NEW.business_case_id, NEW.number, NEW.note, NEW.frozen_at, NEW.frozen_by, NEW.frozen_by_name, NEW.plan)
       IS DISTINCT FROM (OLD.id, OLD.complex_id, OLD.business_case_id, OLD.number, OLD.note, OLD.frozen_at, OLD.frozen_by, OLD.frozen_by_name, OLD.plan) THEN
        RAISE EXCEPTION 'a frozen business case version never changes' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER business_case_versions_frozen BEFORE UPDATE ON business_case_versions
    FOR EACH ROW EXECUTE FUNCTION business_case_versions_frozen();

ALTER TABLE business_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON business_cases
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE business_case_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE business_case_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON business_case_versions
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
