-- 0018: DOS funding applications (issue 11), the first workflow across tenants (ADR 0022).
-- dos_applications belongs to the programme tenant (tenant_id) and names the zorgkantoor tenant it is addressed to
-- (zorgkantoor_tenant_id). The programme reads and writes its own; the addressed zorgkantoor reads it only once it has been
-- submitted, and may change only the zorgkantoor's columns (status to a question or a decision, the question, the decision):
-- a trigger refuses every other change per side. The snapshots (complex, gate, standard, business-case version) travel on the
-- row as jsonb, so the zorgkantoor never needs a policy on the programme's own tables.
-- dos_application_events is the history, append-only: both sides read and insert (as themselves), nobody updates or deletes
-- (no policy for it, and the migrator revokes UPDATE, DELETE and TRUNCATE from the portal's role).
-- Assessments, budgets and labels are the zorgkantoor's own tenant data, tied to applications addressed to it.

CREATE TABLE dos_applications (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    zorgkantoor_tenant_id uuid NOT NULL,
    programme_name character varying(200) NOT NULL,
    complex_id uuid NOT NULL,
    details jsonb NOT NULL,
    snapshot jsonb NOT NULL,
    status character varying(40) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    submitted_at timestamp with time zone,
    complete_on date,
    open_question character varying(2000),
    question_asked_on date,
    decision jsonb,
    CONSTRAINT pk_dos_applications PRIMARY KEY (id),
    CONSTRAINT ak_dos_applications_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT ak_dos_applications_zorgkantoor_tenant_id_id UNIQUE (zorgkantoor_tenant_id, id),
    CONSTRAINT fk_dos_applications_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_applications_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_applications_tenants_zorgkantoor_tenant_id FOREIGN KEY (zorgkantoor_tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_dos_applications_tenant_id_complex_id ON dos_applications (tenant_id, complex_id);
CREATE INDEX ix_dos_applications_zorgkantoor_tenant_id_status ON dos_applications (zorgkantoor_tenant_id, status);

ALTER TABLE dos_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE dos_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_or_addressee_reads ON dos_applications FOR SELECT
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           OR (zorgkantoor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND status <> 'Draft'));
CREATE POLICY owner_inserts ON dos_applications FOR INSERT
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY owner_or_addressee_updates ON dos_applications FOR UPDATE
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           OR (zorgkantoor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid AND status <> 'Draft'))
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                OR zorgkantoor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- No DELETE policy: an application is withdrawn, never deleted.

-- What each side may change. SECURITY INVOKER; it compares OLD and NEW only, reading no other table.
CREATE FUNCTION dos_applications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
BEGIN
    -- (Moving the row to another programme is left to row-level security's WITH CHECK, as for every tenant table.)
    IF (NEW.id, NEW.complex_id, NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.complex_id, OLD.created_at) THEN
        RAISE EXCEPTION 'an application keeps its id, complex and creation time' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status IN ('Granted', 'Rejected', 'Withdrawn') THEN
        RAISE EXCEPTION 'a decided or withdrawn application never changes' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF current_tenant = OLD.tenant_id THEN
        IF NEW.decision IS DISTINCT FROM OLD.decision
           OR NEW.status IN ('MoreInformationRequested', 'Granted', 'Rejected') AND NEW.status <> OLD.status
           OR (NEW.open_question IS NOT NULL AND NEW.open_question IS DISTINCT FROM OLD.open_question)
           OR (NEW.question_asked_on IS NOT NULL AND NEW.question_asked_on IS DISTINCT FROM OLD.question_asked_on)
           OR (NEW.zorgkantoor_tenant_id <> OLD.zorgkantoor_tenant_id AND OLD.status <> 'Draft') THEN
            RAISE EXCEPTION 'the programme cannot ask questions, decide, or readdress a submitted application' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF current_tenant = OLD.zorgkantoor_tenant_id THEN
        IF (NEW.tenant_id, NEW.zorgkantoor_tenant_id, NEW.programme_name, NEW.details, NEW.snapshot, NEW.submitted_at, NEW.complete_on)
               IS DISTINCT FROM (OLD.tenant_id, OLD.zorgkantoor_tenant_id, OLD.programme_name, OLD.details, OLD.snapshot, OLD.submitted_at, OLD.complete_on)
           OR OLD.status NOT IN ('Submitted', 'Resubmitted')
           OR NEW.status NOT IN ('MoreInformationRequested', 'Granted', 'Rejected') THEN
            RAISE EXCEPTION 'the zorgkantoor can only ask a question about or decide an application awaiting its decision' USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSE
        RAISE EXCEPTION 'neither the programme nor the addressed zorgkantoor' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER dos_applications_guard BEFORE UPDATE ON dos_applications
    FOR EACH ROW EXECUTE FUNCTION dos_applications_guard();

CREATE TABLE dos_application_events (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    zorgkantoor_tenant_id uuid NOT NULL,
    application_id uuid NOT NULL,
    kind character varying(40) NOT NULL,
    from_status character varying(40) NOT NULL,
    to_status character varying(40) NOT NULL,
    actor_tenant_id uuid NOT NULL,
    actor_name character varying(200) NOT NULL,
    at timestamp with time zone NOT NULL,
    text character varying(2000),
    snapshot jsonb,
    CONSTRAINT pk_dos_application_events PRIMARY KEY (id),
    CONSTRAINT fk_dos_application_events_dos_applications_tenant_id_applicati FOREIGN KEY (tenant_id, application_id) REFERENCES dos_applications (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_application_events_dos_applications_zorgkantoor_tenant_ FOREIGN KEY (zorgkantoor_tenant_id, application_id) REFERENCES dos_applications (zorgkantoor_tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_application_events_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_application_events_tenants_zorgkantoor_tenant_id FOREIGN KEY (zorgkantoor_tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE INDEX ix_dos_application_events_tenant_id_application_id_at ON dos_application_events (tenant_id, application_id, at);
CREATE INDEX ix_dos_application_events_zorgkantoor_tenant_id_application_id ON dos_application_events (zorgkantoor_tenant_id, application_id);
CREATE INDEX ix_dos_application_events_zorgkantoor_tenant_id_at ON dos_application_events (zorgkantoor_tenant_id, at);

ALTER TABLE dos_application_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE dos_application_events FORCE ROW LEVEL SECURITY;
CREATE POLICY both_sides_read ON dos_application_events FOR SELECT
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           OR zorgkantoor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY both_sides_append_as_themselves ON dos_application_events FOR INSERT
    WITH CHECK (actor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                AND (tenant_id = actor_tenant_id OR zorgkantoor_tenant_id = actor_tenant_id));
-- No UPDATE or DELETE policy: history is append-only.

CREATE TABLE dos_assessments (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    application_id uuid NOT NULL,
    catalogue_version integer NOT NULL,
    scores jsonb NOT NULL,
    comments character varying(4000),
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(200) NOT NULL,
    CONSTRAINT pk_dos_assessments PRIMARY KEY (id),
    CONSTRAINT fk_dos_assessments_dos_applications_tenant_id_application_id FOREIGN KEY (tenant_id, application_id) REFERENCES dos_applications (zorgkantoor_tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_assessments_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_dos_assessments_tenant_id_application_id ON dos_assessments (tenant_id, application_id);

CREATE TABLE dos_budgets (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    year integer NOT NULL,
    total numeric(14,2) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_dos_budgets PRIMARY KEY (id),
    CONSTRAINT fk_dos_budgets_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_dos_budgets_tenant_id_year ON dos_budgets (tenant_id, year);

CREATE TABLE dos_labels (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    application_id uuid NOT NULL,
    number character varying(20) NOT NULL,
    programme_name character varying(200) NOT NULL,
    complex_name character varying(200) NOT NULL,
    municipality character varying(200) NOT NULL,
    first_year integer NOT NULL,
    last_year integer NOT NULL,
    amounts jsonb NOT NULL,
    granted_on date NOT NULL,
    effective_on date NOT NULL,
    review_on date NOT NULL,
    CONSTRAINT pk_dos_labels PRIMARY KEY (id),
    CONSTRAINT fk_dos_labels_dos_applications_tenant_id_application_id FOREIGN KEY (tenant_id, application_id) REFERENCES dos_applications (zorgkantoor_tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_dos_labels_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_dos_labels_tenant_id_application_id ON dos_labels (tenant_id, application_id);
CREATE UNIQUE INDEX ix_dos_labels_tenant_id_number ON dos_labels (tenant_id, number);

ALTER TABLE dos_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE dos_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dos_assessments
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE dos_budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE dos_budgets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dos_budgets
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE dos_labels ENABLE ROW LEVEL SECURITY;
ALTER TABLE dos_labels FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dos_labels
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
