-- 0025: the zorgkantoor's benchmark (issue 12, across programmes; ADR 0036). A zorgkantoor sees, for the labels it granted,
-- the indicator values of those complexes side by side, and nothing else of the programmes.
--
-- The monitoring tables stay plain tenant tables: no policy for the portal's role mentions a zorgkantoor, so a query of
-- monitoring_baselines, quarterly_indicator_values or indicator_catalogues under a zorgkantoor's tenant finds no row.
-- Two SECURITY DEFINER functions, EXECUTE only for the portal's role, are the one way across. They take no parameters
-- (the caller names no programme and no complex) and return numbers only: an indicator key with its value per baseline
-- and quarter, and the indicators' name, unit and direction — no notes, no editor, nothing of the complex itself (the
-- zorgkantoor has the complex's name on its own label).
--
-- The owner is bound by FORCE ROW LEVEL SECURITY (ADR 0003), so it gets SELECT policies of its own, as in 0017, limited
-- to exactly what the functions return: rows of a complex (or, for the catalogue, a programme) with a label that the
-- connection's tenant granted, whose application is Granted. The policies read dos_labels and dos_applications under
-- their own policies (the connection's tenant must be the label's tenant and the application's addressee), so another
-- zorgkantoor's grants, a submitted or refused application, or a programme tenant reach nothing.

DO $do$
BEGIN
    EXECUTE format($p$CREATE POLICY benchmark_read ON monitoring_baselines FOR SELECT TO %I
        USING (EXISTS (SELECT 1 FROM dos_labels l
                         JOIN dos_applications a ON a.zorgkantoor_tenant_id = l.tenant_id AND a.id = l.application_id
                        WHERE l.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                          AND a.status = 'Granted'
                          AND a.tenant_id = monitoring_baselines.tenant_id
                          AND a.complex_id = monitoring_baselines.complex_id))$p$, current_user);
    EXECUTE format($p$CREATE POLICY benchmark_read ON quarterly_indicator_values FOR SELECT TO %I
        USING (EXISTS (SELECT 1 FROM dos_labels l
                         JOIN dos_applications a ON a.zorgkantoor_tenant_id = l.tenant_id AND a.id = l.application_id
                        WHERE l.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                          AND a.status = 'Granted'
                          AND a.tenant_id = quarterly_indicator_values.tenant_id
                          AND a.complex_id = quarterly_indicator_values.complex_id))$p$, current_user);
    EXECUTE format($p$CREATE POLICY benchmark_read ON indicator_catalogues FOR SELECT TO %I
        USING (EXISTS (SELECT 1 FROM dos_labels l
                         JOIN dos_applications a ON a.zorgkantoor_tenant_id = l.tenant_id AND a.id = l.application_id
                        WHERE l.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
                          AND a.status = 'Granted'
                          AND a.tenant_id = indicator_catalogues.tenant_id))$p$, current_user);
END
$do$;

-- The complexes with a label granted by the connection's tenant (the application Granted), each once.
CREATE FUNCTION app_benchmark_complexes()
    RETURNS TABLE (programme_tenant_id uuid, complex_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT DISTINCT a.tenant_id, a.complex_id
      FROM dos_labels l
      JOIN dos_applications a ON a.zorgkantoor_tenant_id = l.tenant_id AND a.id = l.application_id
     WHERE l.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
       AND a.zorgkantoor_tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
       AND a.status = 'Granted'
$$;

-- Every indicator value of those complexes: the baseline (quarter NULL, with its date) and each quarter (its first day).
CREATE FUNCTION app_benchmark_values()
    RETURNS TABLE (programme_tenant_id uuid, complex_id uuid, quarter date, measured_on date, indicator_key text, value numeric)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT b.tenant_id, b.complex_id, NULL::date, b.measured_on, v->>'key', (v->>'value')::numeric
      FROM app_benchmark_complexes() g
      JOIN monitoring_baselines b ON b.tenant_id = g.programme_tenant_id AND b.complex_id = g.complex_id
      CROSS JOIN LATERAL jsonb_array_elements(b.values) v
    UNION ALL
    SELECT q.tenant_id, q.complex_id, q.quarter, NULL::date, v->>'key', (v->>'value')::numeric
      FROM app_benchmark_complexes() g
      JOIN quarterly_indicator_values q ON q.tenant_id = g.programme_tenant_id AND q.complex_id = g.complex_id
      CROSS JOIN LATERAL jsonb_array_elements(q.values) v
$$;

-- The newest dataset version of each programme with such a complex: per indicator its key, name, unit and direction, in
-- the version's order. A programme that never wrote a value has none (the portal then uses annex A, as the programme does).
CREATE FUNCTION app_benchmark_indicators()
    RETURNS TABLE (programme_tenant_id uuid, catalogue_version integer, position bigint, indicator_key text, name text, unit text, direction text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT c.tenant_id, c.version, e.position, e.item->>'key', e.item->>'name', e.item->>'unit', e.item->>'direction'
      FROM (SELECT DISTINCT ON (ic.tenant_id) ic.tenant_id, ic.version, ic.indicators
              FROM indicator_catalogues ic
             WHERE ic.tenant_id IN (SELECT g.programme_tenant_id FROM app_benchmark_complexes() g)
             ORDER BY ic.tenant_id, ic.version DESC) c
      CROSS JOIN LATERAL jsonb_array_elements(c.indicators) WITH ORDINALITY AS e(item, position)
$$;

-- Only the portal's role may call them: the migrator grants EXECUTE to it after every run.
REVOKE ALL ON FUNCTION app_benchmark_complexes() FROM PUBLIC;
REVOKE ALL ON FUNCTION app_benchmark_values() FROM PUBLIC;
REVOKE ALL ON FUNCTION app_benchmark_indicators() FROM PUBLIC;
