-- Objects godwit reports but does not manage.
WITH ns AS (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ?)
SELECT 'trigger' AS kind, c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid, true) AS detail
FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace IN (SELECT oid FROM ns) AND NOT t.tgisinternal
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL
FROM pg_catalog.pg_proc p
WHERE p.pronamespace IN (SELECT oid FROM ns)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
UNION ALL
SELECT 'policy', c.relname || '.' || po.polname, pg_get_expr(po.polqual, po.polrelid, true)
FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class c ON c.oid = po.polrelid
WHERE c.relnamespace IN (SELECT oid FROM ns)
UNION ALL
SELECT 'partition', c.relname, pg_get_expr(c.relpartbound, c.oid, true)
FROM pg_catalog.pg_class c
WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relispartition AND c.relkind IN ('r', 'p')
UNION ALL
SELECT 'partitioned table', c.relname, pg_get_partkeydef(c.oid)
FROM pg_catalog.pg_class c
WHERE c.relnamespace IN (SELECT oid FROM ns) AND c.relkind = 'p'
UNION ALL
SELECT 'exclusion constraint', c.relname || '.' || k.conname, pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
WHERE c.relnamespace IN (SELECT oid FROM ns) AND k.contype = 'x'
UNION ALL
-- a deferrable UNIQUE constraint is also read as a unique index (what the schema language can say)
SELECT 'deferrable unique constraint', c.relname || '.' || k.conname, pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
WHERE c.relnamespace IN (SELECT oid FROM ns) AND k.contype = 'u' AND k.condeferrable
UNION ALL
SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END, t.typname, NULL
FROM pg_catalog.pg_type t
WHERE t.typnamespace IN (SELECT oid FROM ns) AND t.typtype IN ('d', 'r', 'c')
  AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
UNION ALL
-- attributes of modelled objects that the model does not hold: named, so no comparison calls them equal
SELECT 'unique index NULLS NOT DISTINCT', ci.relname, pg_get_indexdef(ix.indexrelid)
FROM pg_catalog.pg_index ix JOIN pg_catalog.pg_class ci ON ci.oid = ix.indexrelid
WHERE ci.relnamespace IN (SELECT oid FROM ns) AND coalesce((to_jsonb(ix) ->> 'indnullsnotdistinct')::boolean, false)
UNION ALL
SELECT 'foreign key MATCH ' || CASE k.confmatchtype WHEN 'f' THEN 'FULL' ELSE 'PARTIAL' END, c.relname || '.' || k.conname,
       pg_get_constraintdef(k.oid, true)
FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
WHERE c.relnamespace IN (SELECT oid FROM ns) AND k.contype = 'f' AND k.confmatchtype IN ('f', 'p')
UNION ALL
SELECT 'extension', e.extname, e.extversion
FROM pg_catalog.pg_extension e
WHERE e.extnamespace IN (SELECT oid FROM ns)
UNION ALL
SELECT 'rule', c.relname || '.' || r.rulename, NULL
FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
WHERE c.relnamespace IN (SELECT oid FROM ns) AND r.rulename <> '_RETURN'
