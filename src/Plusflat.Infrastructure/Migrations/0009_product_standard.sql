-- 0009: the minimal product standard — versioned catalogues of must/should/not items (immutable, items as
-- jsonb) and the dated assessments of complexes against one version. Both tenant-owned, with the fail-closed
-- policy of 0001 and references that carry the tenant (0003/0004).

CREATE TABLE standard_catalogues (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    version integer NOT NULL,
    name character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    items jsonb NOT NULL,
    CONSTRAINT pk_standard_catalogues PRIMARY KEY (id),
    CONSTRAINT ak_standard_catalogues_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_standard_catalogues_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_standard_catalogues_tenant_id_version ON standard_catalogues (tenant_id, version);

CREATE TABLE standard_assessments (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    catalogue_id uuid NOT NULL,
    catalogue_version integer NOT NULL,
    number integer NOT NULL,
    assessed_at timestamp with time zone NOT NULL,
    assessed_by uuid NOT NULL,
    assessed_by_name character varying(200) NOT NULL,
    items jsonb NOT NULL,
    CONSTRAINT pk_standard_assessments PRIMARY KEY (id),
    CONSTRAINT fk_standard_assessments_complexes_tenant_id_complex_id
        FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_standard_assessments_standard_catalogues_tenant_id_catalogu
        FOREIGN KEY (tenant_id, catalogue_id) REFERENCES standard_catalogues (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_standard_assessments_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
-- One assessment per number per complex: two people assessing on the same version cannot both win.
CREATE UNIQUE INDEX ix_standard_assessments_tenant_id_complex_id_number ON standard_assessments (tenant_id, complex_id, number);
CREATE INDEX ix_standard_assessments_tenant_id_catalogue_id ON standard_assessments (tenant_id, catalogue_id);

ALTER TABLE standard_catalogues ENABLE ROW LEVEL SECURITY;
ALTER TABLE standard_catalogues FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON standard_catalogues
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE standard_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE standard_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON standard_assessments
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
