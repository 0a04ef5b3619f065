-- 0023: monitoring (issue 12, ADR 0032) — the minimal dataset of annex A as versioned catalogues (immutable, indicators
-- as jsonb, like the product standard of 0009), one baseline (nulmeting) per complex, and one row of values per complex and
-- quarter (the quarter kept as its first day; values as jsonb keyed by the indicator's stable key). All tenant-owned, with
-- the fail-closed policy of 0001 and references that carry the tenant (0003/0004). Baselines and quarters are edited by
-- two people at times: both carry xmin as their version.

CREATE TABLE indicator_catalogues (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    version integer NOT NULL,
    name character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    indicators jsonb NOT NULL,
    CONSTRAINT pk_indicator_catalogues PRIMARY KEY (id),
    CONSTRAINT ak_indicator_catalogues_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_indicator_catalogues_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_indicator_catalogues_tenant_id_version ON indicator_catalogues (tenant_id, version);

CREATE TABLE monitoring_baselines (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    catalogue_id uuid NOT NULL,
    catalogue_version integer NOT NULL,
    measured_on date NOT NULL,
    values jsonb NOT NULL,
    notes character varying(2000),
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    CONSTRAINT pk_monitoring_baselines PRIMARY KEY (id),
    CONSTRAINT fk_monitoring_baselines_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_monitoring_baselines_indicator_catalogues_tenant_id_catalog FOREIGN KEY (tenant_id, catalogue_id) REFERENCES indicator_catalogues (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_monitoring_baselines_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_monitoring_baselines_tenant_id_catalogue_id ON monitoring_baselines (tenant_id, catalogue_id);
CREATE UNIQUE INDEX ix_monitoring_baselines_tenant_id_complex_id ON monitoring_baselines (tenant_id, complex_id);

CREATE TABLE quarterly_indicator_values (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    quarter date NOT NULL,
    values jsonb NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    CONSTRAINT pk_quarterly_indicator_values PRIMARY KEY (id),
    CONSTRAINT ck_quarterly_indicator_values_quarter_start CHECK (extract(day FROM quarter) = 1 AND extract(month FROM quarter) IN (1, 4, 7, 10)),
    CONSTRAINT fk_quarterly_indicator_values_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_quarterly_indicator_values_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_quarterly_indicator_values_tenant_id_complex_id_quarter ON quarterly_indicator_values (tenant_id, complex_id, quarter);

ALTER TABLE indicator_catalogues ENABLE ROW LEVEL SECURITY;
ALTER TABLE indicator_catalogues FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON indicator_catalogues
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE monitoring_baselines ENABLE ROW LEVEL SECURITY;
ALTER TABLE monitoring_baselines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON monitoring_baselines
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE quarterly_indicator_values ENABLE ROW LEVEL SECURITY;
ALTER TABLE quarterly_indicator_values FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON quarterly_indicator_values
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
