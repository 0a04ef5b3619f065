-- 0017: the operational side of early signalling (issue 9): the programme's retention period, the retention job's
-- narrow way past the flat-team policies, and overdue-action counts for people who may not see the actions.
--
-- The signal tables can be read only by an account on that complex's flat team (0012). The retention job and the
-- overdue counts act for nobody in particular, so they get two SECURITY DEFINER functions owned by the migration
-- owner, each doing exactly one thing and returning no details. The owner is bound by FORCE ROW LEVEL SECURITY
-- like everyone else, so it gets policies of its own on exactly the rows and commands those functions need (in the
-- connection's tenant). The owner could already switch RLS off on its own tables; these policies give it nothing it
-- did not have, and the portal's role reaches them only through the functions (ADR 0025).

CREATE TABLE signalling_settings (
    id uuid NOT NULL,
    tenant_id uuid NOT NULL,
    retention_months integer NOT NULL,
    CONSTRAINT pk_signalling_settings PRIMARY KEY (id),
    CONSTRAINT fk_signalling_settings_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT,
    -- The same range as the domain rule (SignallingSettings): the function below trusts it.
    CONSTRAINT ck_signalling_settings_retention_months CHECK (retention_months BETWEEN 6 AND 120)
);
CREATE UNIQUE INDEX ix_signalling_settings_tenant_id ON signalling_settings (tenant_id);
ALTER TABLE signalling_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE signalling_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON signalling_settings
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The owner's policies, named after the role that runs this file (whatever a deployment calls it).
DO $do$
BEGIN
    EXECUTE format($p$CREATE POLICY retention_read ON signals FOR SELECT TO %I
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, current_user);
    EXECUTE format($p$CREATE POLICY retention_update ON signals FOR UPDATE TO %I
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, current_user);
    EXECUTE format($p$CREATE POLICY overdue_count_read ON signal_actions FOR SELECT TO %I
        USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, current_user);
END
$do$;

-- Retention for the connection's tenant: the resident code and description of every signal closed before the
-- programme's cut-off (default 24 months) are removed; category, dates, status and the counts (signal_tallies) stay.
-- Takes no date and no period: the caller cannot move the cut-off. A transaction-level advisory lock per tenant
-- makes overlapping runs (two instances, the command next to the schedule) take turns; the second finds nothing
-- left, because only rows that still hold a code or description qualify. Returns what it removed, no text.
CREATE FUNCTION app_remove_expired_signal_details()
    RETURNS TABLE (signal_id uuid, complex_id uuid, meeting_id uuid, closed_on date, retention_months integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
    v_months integer;
BEGIN
    IF v_tenant IS NULL THEN
        RETURN;
    END IF;

    PERFORM pg_advisory_xact_lock(hashtext('plusflat.signal_retention'), hashtext(v_tenant::text));
    SELECT st.retention_months INTO v_months FROM signalling_settings st WHERE st.tenant_id = v_tenant;
    v_months := COALESCE(v_months, 24);
    RETURN QUERY
        UPDATE signals AS s
           SET resident_code = NULL, description = NULL, details_removed_at = now()
         WHERE s.tenant_id = v_tenant
           AND s.status = 'Closed'
           AND s.closed_on < (current_date - make_interval(months => v_months))::date
           AND (s.resident_code IS NOT NULL OR s.description IS NOT NULL)
        RETURNING s.id, s.complex_id, s.meeting_id, s.closed_on, v_months;
END
$$;

-- Overdue actions (open, due before today) per complex in the connection's tenant: a count, nothing else. For the
-- complex page and programme overview of people who are not on that complex's flat team.
CREATE FUNCTION app_overdue_action_counts()
    RETURNS TABLE (complex_id uuid, overdue integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT a.complex_id, count(*)::integer
      FROM signal_actions a
     WHERE a.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
       AND a.status = 'Open' AND a.due < current_date
     GROUP BY a.complex_id
$$;

-- Only the portal's role may call them: the migrator grants EXECUTE to it after every run.
REVOKE ALL ON FUNCTION app_remove_expired_signal_details() FROM PUBLIC;
REVOKE ALL ON FUNCTION app_overdue_action_counts() FROM PUBLIC;
