-- 0024: quarterly reviews and the annual evaluation (issue 12, ADR 0034), and the end of a DOS label.
-- Reviews and evaluations are the programme's own tenant data (fail-closed policy as in 0023, references carrying the
-- tenant). An evaluation that decides "end the label" records the end on the shared dos_applications row (ADR 0022): the
-- programme owns that row and the addressed zorgkantoor reads it, so the zorgkantoor learns of the end without any policy
-- on the programme's tables. The guard trigger of 0018 is widened by exactly one move: the programme may, once, set the
-- label-end columns of a granted application and touch its updated_at/updated_by; nothing else of a decided application
-- changes, and the zorgkantoor can never set or change an end.

CREATE TABLE quarterly_reviews (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    quarter date NOT NULL,
    held_on date NOT NULL,
    participants character varying(1000) NOT NULL,
    notes character varying(4000),
    actions jsonb NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by character varying(200) NOT NULL,
    CONSTRAINT pk_quarterly_reviews PRIMARY KEY (id),
    CONSTRAINT ck_quarterly_reviews_quarter_start CHECK (extract(day FROM quarter) = 1 AND extract(month FROM quarter) IN (1, 4, 7, 10)),
    CONSTRAINT fk_quarterly_reviews_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_quarterly_reviews_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_quarterly_reviews_tenant_id_complex_id_quarter ON quarterly_reviews (tenant_id, complex_id, quarter);

CREATE TABLE annual_evaluations (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    complex_id uuid NOT NULL,
    year integer NOT NULL,
    held_on date NOT NULL,
    participants character varying(1000) NOT NULL,
    judgements jsonb NOT NULL,
    drift jsonb NOT NULL,
    decision character varying(40) NOT NULL,
    reason character varying(2000),
    recorded_at timestamp with time zone NOT NULL,
    recorded_by character varying(200) NOT NULL,
    CONSTRAINT pk_annual_evaluations PRIMARY KEY (id),
    CONSTRAINT ak_annual_evaluations_tenant_id_id UNIQUE (tenant_id, id),
    CONSTRAINT fk_annual_evaluations_complexes_tenant_id_complex_id FOREIGN KEY (tenant_id, complex_id) REFERENCES complexes (tenant_id, id) ON DELETE RESTRICT,
    CONSTRAINT fk_annual_evaluations_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_annual_evaluations_tenant_id_complex_id_year ON annual_evaluations (tenant_id, complex_id, year);

ALTER TABLE quarterly_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE quarterly_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON quarterly_reviews
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE annual_evaluations ENABLE ROW LEVEL SECURITY;
ALTER TABLE annual_evaluations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON annual_evaluations
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The end of a label, on the shared application row. The evaluation reference is (tenant_id, id): always the owning programme's.
ALTER TABLE dos_applications ADD COLUMN label_ended_on date;
ALTER TABLE dos_applications ADD COLUMN label_ended_at timestamp with time zone;
ALTER TABLE dos_applications ADD COLUMN label_ended_by character varying(200);
ALTER TABLE dos_applications ADD COLUMN label_end_reason character varying(2000);
ALTER TABLE dos_applications ADD COLUMN label_end_evaluation_id uuid;
ALTER TABLE dos_applications ADD COLUMN label_end_evaluation_year integer;
ALTER TABLE dos_applications ADD CONSTRAINT fk_dos_applications_annual_evaluations_tenant_id_label_end_eva
    FOREIGN KEY (tenant_id, label_end_evaluation_id) REFERENCES annual_evaluations (tenant_id, id) ON DELETE RESTRICT;
CREATE INDEX ix_dos_applications_tenant_id_label_end_evaluation_id ON dos_applications (tenant_id, label_end_evaluation_id);

CREATE OR REPLACE FUNCTION dos_applications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
BEGIN
    IF (NEW.id, NEW.complex_id, NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.complex_id, OLD.created_at) THEN
        RAISE EXCEPTION 'an application keeps its id, complex and creation time' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    -- A label ends once and stays ended.
    IF OLD.label_ended_on IS NOT NULL
       AND (NEW.label_ended_on, NEW.label_ended_at, NEW.label_ended_by, NEW.label_end_reason, NEW.label_end_evaluation_id, NEW.label_end_evaluation_year)
           IS DISTINCT FROM (OLD.label_ended_on, OLD.label_ended_at, OLD.label_ended_by, OLD.label_end_reason, OLD.label_end_evaluation_id, OLD.label_end_evaluation_year) THEN
        RAISE EXCEPTION 'an ended label stays ended' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status IN ('Granted', 'Rejected', 'Withdrawn') THEN
        -- 0024: the one change after a decision: the programme ends its granted label, with every label-end column set.
        IF current_tenant = OLD.tenant_id AND OLD.status = 'Granted' AND OLD.label_ended_on IS NULL
           AND NEW.label_ended_on IS NOT NULL AND NEW.label_ended_at IS NOT NULL AND NEW.label_ended_by IS NOT NULL
           AND NEW.label_end_reason IS NOT NULL AND NEW.label_end_evaluation_id IS NOT NULL AND NEW.label_end_evaluation_year IS NOT NULL
           AND (NEW.tenant_id, NEW.zorgkantoor_tenant_id, NEW.programme_name, NEW.details, NEW.snapshot, NEW.status, NEW.submitted_at,
                NEW.complete_on, NEW.open_question, NEW.question_asked_on, NEW.decision)
               IS NOT DISTINCT FROM (OLD.tenant_id, OLD.zorgkantoor_tenant_id, OLD.programme_name, OLD.details, OLD.snapshot, OLD.status, OLD.submitted_at,
                OLD.complete_on, OLD.open_question, OLD.question_asked_on, OLD.decision) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a decided or withdrawn application never changes' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.label_ended_on IS NOT NULL THEN
        RAISE EXCEPTION 'only a granted label can be ended' USING ERRCODE = 'integrity_constraint_violation';
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
