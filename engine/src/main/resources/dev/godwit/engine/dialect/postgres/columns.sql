-- All columns of all tables and views of one schema, in ordinal order.
SELECT c.relname, a.attnum, a.attname,
       format_type(a.atttypid, a.atttypmod) AS formatted,
       COALESCE(et.typname, t.typname) AS base_name,
       COALESCE(et.typtype, t.typtype) AS base_kind,
       (SELECT tn.nspname FROM pg_catalog.pg_namespace tn WHERE tn.oid = COALESCE(et.typnamespace, t.typnamespace)) AS base_schema,
       a.attndims, a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid) AS default_expr,
       a.attidentity, a.attgenerated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       col_description(c.oid, a.attnum) AS comment,
       -- What pg_get_serial_sequence returns, looked up by oid: calling it per column (it parses the
       -- name it is given) made this query ten times slower on thousands of columns.
       (SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname)
          FROM pg_catalog.pg_depend dep
          JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
          JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
         WHERE dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
           AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objsubid = 0 AND dep.deptype IN ('a', 'i')
         LIMIT 1) AS owned_sequence
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum
