-- 0005: a history without holes. Complexes and organisations keep who changed which field when (old → new);
-- complexes can be archived (nothing is deleted); a tick records the moment it was entered, so the timeline
-- sorts ticks of one day newest first.

CREATE TABLE complex_history (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    at timestamp with time zone NOT NULL,
    sequence integer NOT NULL,
    by uuid NOT NULL,
    by_name character varying(200) NOT NULL,
    field character varying(100),
    old_value text,
    new_value text,
    note text,
    CONSTRAINT pk_complex_history PRIMARY KEY (id),
    CONSTRAINT fk_complex_history_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_complex_history_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE INDEX ix_complex_history_tenant_id_complex_id ON complex_history (tenant_id, complex_id);

CREATE TABLE organisation_history (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    at timestamp with time zone NOT NULL,
    sequence integer NOT NULL,
    by uuid NOT NULL,
    by_name character varying(200) NOT NULL,
    field character varying(100),
    old_value text,
    new_value text,
    CONSTRAINT pk_organisation_history PRIMARY KEY (id),
    CONSTRAINT fk_organisation_history_organisations_tenant_id_organisation_id FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_organisation_history_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);

CREATE INDEX ix_organisation_history_tenant_id_organisation_id ON organisation_history (tenant_id, organisation_id);

ALTER TABLE complexes ADD COLUMN archived_at timestamp with time zone;
ALTER TABLE complexes ADD COLUMN archived_by uuid;
ALTER TABLE complexes ADD COLUMN archived_by_name character varying(200);
ALTER TABLE complexes ADD COLUMN archive_reason character varying(1000);

-- Existing ticks: their id is a version-7 uuid whose first 48 bits are the moment it was made (milliseconds since
-- 1970); any other id falls back to the start of the day it was done, Dutch time. The owner running this script is
-- bound by the forced row-level security like everyone else (no tenant set: no rows), so it is lifted for the
-- backfill inside this transaction and forced again right after.
ALTER TABLE checklist_ticks ADD COLUMN recorded_at timestamp with time zone;
ALTER TABLE checklist_ticks NO FORCE ROW LEVEL SECURITY;
UPDATE checklist_ticks SET recorded_at = CASE
    WHEN substr(replace(id::text, '-', ''), 13, 1) = '7'
        THEN to_timestamp(('x' || lpad(substr(replace(id::text, '-', ''), 1, 12), 16, '0'))::bit(64)::bigint / 1000.0)
    ELSE ticked_on::timestamp AT TIME ZONE 'Europe/Amsterdam'
END;
ALTER TABLE checklist_ticks ALTER COLUMN recorded_at SET NOT NULL;
ALTER TABLE checklist_ticks ALTER COLUMN recorded_at SET DEFAULT now();
ALTER TABLE checklist_ticks FORCE ROW LEVEL SECURITY;

-- Complexes added before the history was kept get their creation on the timeline, with the moment they were
-- added; who added them is not known (an empty name, the portal shows "onbekend").
ALTER TABLE complexes NO FORCE ROW LEVEL SECURITY;
INSERT INTO complex_history (id, tenant_id, complex_id, kind, at, sequence, by, by_name)
SELECT gen_random_uuid(), tenant_id, id, 'Created', created_at, 0, '00000000-0000-0000-0000-000000000000', ''
FROM complexes;
ALTER TABLE complexes FORCE ROW LEVEL SECURITY;

-- Row-level security: same fail-closed policy as 0001.
ALTER TABLE complex_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE complex_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON complex_history
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE organisation_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_history FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisation_history
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
