-- Indexes of one schema, except those behind primary keys and exclusion constraints.
SELECT c.relname AS table_name, ic.relname AS index_name, i.indisunique, am.amname,
       i.indnkeyatts, i.indkey::text AS indkey, i.indoption::text AS indoption,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, g, true) FROM generate_series(1, i.indnatts) g ORDER BY g) AS keys,
       ARRAY(SELECT CASE WHEN oc.opcdefault THEN '' ELSE oc.opcname END
             FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(cls, g) JOIN pg_catalog.pg_opclass oc ON oc.oid = k.cls
             ORDER BY k.g) AS opclasses,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       k.contype
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
LEFT JOIN pg_catalog.pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relname <> '_prisma_migrations' AND (k.contype IS NULL OR k.contype = 'u')
ORDER BY c.relname, ic.relname
