-- 0004: the children of a complex (ticks, transitions) and of a catalogue (checklist items) reference
-- their parent together with the tenant, like every other reference since 0003: a row of one tenant
-- can never hang off another tenant's complex or catalogue.
ALTER TABLE complexes ADD CONSTRAINT ak_complexes_tenant_id_id UNIQUE (tenant_id, id);

ALTER TABLE checklist_ticks DROP CONSTRAINT fk_checklist_ticks_complexes_complex_id;
ALTER TABLE checklist_ticks ADD CONSTRAINT fk_checklist_ticks_complexes_tenant_id_complex_id
    FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE;
CREATE INDEX ix_checklist_ticks_tenant_id_complex_id ON checklist_ticks (tenant_id, complex_id);

ALTER TABLE phase_transitions DROP CONSTRAINT fk_phase_transitions_complexes_complex_id;
ALTER TABLE phase_transitions ADD CONSTRAINT fk_phase_transitions_complexes_tenant_id_complex_id
    FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE;
DROP INDEX ix_phase_transitions_complex_id;
DROP INDEX ix_phase_transitions_tenant_id;
CREATE INDEX ix_phase_transitions_tenant_id_complex_id ON phase_transitions (tenant_id, complex_id);

-- (The constraint name is EF Core's, cut at PostgreSQL's 63 characters.)
ALTER TABLE phase_checklist_items DROP CONSTRAINT fk_phase_checklist_items_phase_catalogues_catalogue_id;
ALTER TABLE phase_checklist_items ADD CONSTRAINT fk_phase_checklist_items_phase_catalogues_tenant_id_catalogue_
    FOREIGN KEY (tenant_id, catalogue_id) REFERENCES phase_catalogues (tenant_id, id) ON DELETE CASCADE;
CREATE INDEX ix_phase_checklist_items_tenant_id_catalogue_id ON phase_checklist_items (tenant_id, catalogue_id);
