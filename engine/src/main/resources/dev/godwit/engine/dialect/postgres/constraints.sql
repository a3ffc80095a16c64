-- Primary keys, unique, foreign key, check and exclusion constraints of one schema.
SELECT c.relname, k.conname, k.contype,
       ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
       rc.relname AS ref_table,
       (SELECT rn.nspname FROM pg_catalog.pg_namespace rn WHERE rn.oid = rc.relnamespace) AS ref_schema,
       ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS ref_columns,
       k.confdeltype, k.confupdtype, k.condeferrable, k.condeferred,
       pg_get_constraintdef(k.oid, true) AS definition
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = k.confrelid
WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND NOT c.relispartition
  AND c.relname <> '_prisma_migrations'
ORDER BY c.relname, k.conname
