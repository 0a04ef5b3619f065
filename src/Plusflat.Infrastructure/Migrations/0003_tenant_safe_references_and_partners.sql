-- 0003: references that cannot cross tenants, the complex's preferred care provider and welfare
-- party, and a membership policy that lets a user only *read* their memberships elsewhere.

-- (tenant_id, id) keys, so that foreign keys — which PostgreSQL checks without row-level security —
-- can include the tenant.
ALTER TABLE organisations ADD CONSTRAINT ak_organisations_tenant_id_id UNIQUE (tenant_id, id);
ALTER TABLE phase_catalogues ADD CONSTRAINT ak_phase_catalogues_tenant_id_id UNIQUE (tenant_id, id);
ALTER TABLE phase_checklist_items ADD CONSTRAINT ak_phase_checklist_item_tenant_id_id UNIQUE (tenant_id, id);
DROP INDEX ix_phase_checklist_items_tenant_id;

ALTER TABLE complexes ADD COLUMN preferred_care_provider_id uuid;
ALTER TABLE complexes ADD COLUMN welfare_party_id uuid;

ALTER TABLE complexes DROP CONSTRAINT fk_complexes_organisations_housing_corporation_id;
ALTER TABLE complexes DROP CONSTRAINT fk_complexes_phase_catalogues_catalogue_id;
DROP INDEX ix_complexes_housing_corporation_id;
DROP INDEX ix_complexes_catalogue_id;
ALTER TABLE complexes ADD CONSTRAINT fk_complexes_organisations_tenant_id_housing_corporation_id
    FOREIGN KEY (tenant_id, housing_corporation_id) REFERENCES organisations (tenant_id, id) ON DELETE RESTRICT;
ALTER TABLE complexes ADD CONSTRAINT fk_complexes_organisations_tenant_id_preferred_care_provider_id
    FOREIGN KEY (tenant_id, preferred_care_provider_id) REFERENCES organisations (tenant_id, id) ON DELETE RESTRICT;
ALTER TABLE complexes ADD CONSTRAINT fk_complexes_organisations_tenant_id_welfare_party_id
    FOREIGN KEY (tenant_id, welfare_party_id) REFERENCES organisations (tenant_id, id) ON DELETE RESTRICT;
ALTER TABLE complexes ADD CONSTRAINT fk_complexes_phase_catalogues_tenant_id_catalogue_id
    FOREIGN KEY (tenant_id, catalogue_id) REFERENCES phase_catalogues (tenant_id, id) ON DELETE RESTRICT;
CREATE INDEX ix_complexes_tenant_id_housing_corporation_id ON complexes (tenant_id, housing_corporation_id);
CREATE INDEX ix_complexes_tenant_id_preferred_care_provider_id ON complexes (tenant_id, preferred_care_provider_id);
CREATE INDEX ix_complexes_tenant_id_welfare_party_id ON complexes (tenant_id, welfare_party_id);
CREATE INDEX ix_complexes_tenant_id_catalogue_id ON complexes (tenant_id, catalogue_id);

ALTER TABLE checklist_ticks DROP CONSTRAINT fk_checklist_ticks_phase_checklist_item_item_id;
DROP INDEX ix_checklist_ticks_item_id;
DROP INDEX ix_checklist_ticks_tenant_id;
ALTER TABLE checklist_ticks ADD CONSTRAINT fk_checklist_ticks_phase_checklist_item_tenant_id_item_id
    FOREIGN KEY (tenant_id, item_id) REFERENCES phase_checklist_items (tenant_id, id) ON DELETE RESTRICT;
CREATE INDEX ix_checklist_ticks_tenant_id_item_id ON checklist_ticks (tenant_id, item_id);

-- Memberships: a user reads their own memberships in every tenant (the tenant switcher), but changes
-- rows only inside the current tenant. One policy per command: a USING clause with the user branch
-- would also let UPDATE and DELETE reach the user's rows in other tenants.
DROP POLICY tenant_isolation ON tenant_memberships;
CREATE POLICY tenant_isolation_read ON tenant_memberships FOR SELECT
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           OR user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);
CREATE POLICY tenant_isolation_insert ON tenant_memberships FOR INSERT
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_isolation_update ON tenant_memberships FOR UPDATE
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_isolation_delete ON tenant_memberships FOR DELETE
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
