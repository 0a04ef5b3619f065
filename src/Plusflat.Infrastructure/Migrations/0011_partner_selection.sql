-- 0011: how a complex chose its preferred care provider — candidates with scores, the residents' voice, the four
-- steps and the open-entry agreements — one row per complex, the parts as jsonb (they are read and written whole).
-- The choice itself stays on the complex (preferred_care_provider_id, welfare_party_id).

CREATE TABLE partner_selections (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    candidates jsonb NOT NULL,
    residents jsonb NOT NULL,
    steps jsonb NOT NULL,
    open_entry jsonb NOT NULL,
    CONSTRAINT pk_partner_selections PRIMARY KEY (id),
    CONSTRAINT fk_partner_selections_complexes_tenant_id_complex_id
        FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_partner_selections_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_partner_selections_tenant_id_complex_id ON partner_selections (tenant_id, complex_id);

ALTER TABLE partner_selections ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_selections FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON partner_selections
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
