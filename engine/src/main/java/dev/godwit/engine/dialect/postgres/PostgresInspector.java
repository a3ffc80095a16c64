package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.dialect.CatalogQuery;
import dev.godwit.engine.dialect.Inspector;
import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.EnumType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.QualifiedName;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Sequence;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.schema.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} with eight queries, one per kind of object,
 * whatever the number of tables.
 */
public final class PostgresInspector implements Inspector {
    private static final CatalogQuery TABLES = CatalogQuery.load(PostgresInspector.class, "tables.sql");
    private static final CatalogQuery COLUMNS = CatalogQuery.load(PostgresInspector.class, "columns.sql");
    private static final CatalogQuery CONSTRAINTS = CatalogQuery.load(PostgresInspector.class, "constraints.sql");
    private static final CatalogQuery INDEXES = CatalogQuery.load(PostgresInspector.class, "indexes.sql");
    private static final CatalogQuery ENUMS = CatalogQuery.load(PostgresInspector.class, "enums.sql");
    private static final CatalogQuery SEQUENCES = CatalogQuery.load(PostgresInspector.class, "sequences.sql");
    private static final CatalogQuery VIEWS = CatalogQuery.load(PostgresInspector.class, "views.sql");
    private static final CatalogQuery UNMANAGED = CatalogQuery.load(PostgresInspector.class, "unmanaged.sql");

    /** A table while it is being assembled. */
    private static final class Draft {
        final String name;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<Integer, String> columnsByNum = new HashMap<>();
        PrimaryKey primaryKey;
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        Draft(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        Table build() {
            return new Table(name, columns, primaryKey, indexes, foreignKeys, checks, comment, Map.of());
        }
    }

    /** The objects of one database schema; names qualified with it when it is one of several. */
    private record Part(List<Table> tables, List<EnumType> enums, List<Sequence> sequences, List<View> views,
                        List<UnmanagedObject> unmanaged) {
    }

    @Override
    public Schema inspect(Connection c, String schema) throws SQLException {
        return withoutJit(c, () -> {
            Part p = read(c, schema, null);
            return new Schema(schema, p.tables(), p.enums(), p.sequences(), p.views(), p.unmanaged());
        });
    }

    @Override
    public Schema inspect(Connection c, String schema, List<String> namespaces) throws SQLException {
        if (namespaces.isEmpty()) {
            return inspect(c, schema);
        }
        return withoutJit(c, () -> inspectNamespaces(c, schema, namespaces));
    }

    /** Work on the connection that may throw SQLException. */
    private interface CatalogWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the catalog queries with PostgreSQL's JIT compiler off, as pg_dump does: on thousands of
     * tables the planner's cost estimate of the columns query passes jit_above_cost, and compiling
     * and optimising some 200 functions took longer than the query itself (2,000 tables: 3.0 s with
     * JIT, 1.2 s without). The setting is local to a read-only transaction of its own, so it ends
     * with the read and stays on one server connection behind a pooler. Inside a transaction of the
     * caller's (autocommit off) the queries run as they are: that transaction is not godwit's to end,
     * and a failed SET would abort it. Without a jit setting (before PostgreSQL 11) nothing is set.
     */
    private static <T> T withoutJit(Connection c, CatalogWork<T> work) throws SQLException {
        if (!c.getAutoCommit()) {
            return work.run();
        }
        c.setAutoCommit(false);
        boolean done = false;
        try (var st = c.createStatement()) {
            st.execute("SELECT set_config('jit', 'off', true) WHERE current_setting('jit', true) IS NOT NULL");
            T result = work.run();
            c.commit();
            done = true;
            return result;
        } finally {
            if (!done) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone or the transaction already ended; the caller reports the first failure
                }
            }
            c.setAutoCommit(true);
        }
    }

    private Schema inspectNamespaces(Connection c, String schema, List<String> namespaces) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", namespaces.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        List<EnumType> enums = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<UnmanagedObject> unmanaged = new ArrayList<>();
        for (String namespace : existing) {
            Part p = read(c, namespace, schema);
            tables.addAll(p.tables());
            enums.addAll(p.enums());
            sequences.addAll(p.sequences());
            views.addAll(p.views());
            unmanaged.addAll(p.unmanaged());
        }
        return new Schema(schema, tables, enums, sequences, views, unmanaged, existing);
    }

    /**
     * One database schema's objects. {@code defaultSchema}: null for a model of one schema (plain names); else the
     * schema of the database URL, whose names stay plain as Prisma writes them while the others are qualified.
     */
    private static Part read(Connection c, String schema, String defaultSchema) throws SQLException {
        boolean qualified = defaultSchema != null;
        java.util.function.UnaryOperator<String> name = n -> qualified ? qualify(schema, n, defaultSchema) : n;
        Map<String, Draft> tables = new LinkedHashMap<>();
        TABLES.forEach(c, schema, rs -> tables.put(rs.getString("relname"), new Draft(name.apply(rs.getString("relname")), rs.getString("comment"))));
        // a row of no table is a view's: its columns go with the view
        Map<String, Draft> viewColumns = new HashMap<>();
        COLUMNS.forEach(c, schema, rs -> {
            Draft table = tables.get(rs.getString("relname"));
            readColumn(rs, table != null ? table : viewColumns.computeIfAbsent(rs.getString("relname"), k -> new Draft(k, null)), defaultSchema);
        });
        CONSTRAINTS.forEach(c, schema, rs -> readConstraint(rs, tables.get(rs.getString("relname")), defaultSchema));
        INDEXES.forEach(c, schema, rs -> readIndex(rs, tables.get(rs.getString("table_name"))));

        Map<String, List<String>> enumValues = new LinkedHashMap<>();
        ENUMS.forEach(c, schema, rs -> enumValues.computeIfAbsent(rs.getString("typname"), k -> new ArrayList<>()).add(rs.getString("enumlabel")));
        List<EnumType> enums = enumValues.entrySet().stream().map(e -> new EnumType(name.apply(e.getKey()), e.getValue())).toList();

        List<Sequence> sequences = new ArrayList<>();
        SEQUENCES.forEach(c, schema, rs -> sequences.add(new Sequence(name.apply(rs.getString("relname")), PostgresTypes.parse(rs.getString("type"), null).name(),
                rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                rs.getLong("seqcache"), rs.getBoolean("seqcycle"))));
        List<View> views = new ArrayList<>();
        VIEWS.forEach(c, schema, rs -> views.add(new View(name.apply(rs.getString("relname")), rs.getString("definition").strip(), "m".equals(rs.getString("relkind")),
                viewColumns.containsKey(rs.getString("relname")) ? viewColumns.get(rs.getString("relname")).columns : List.of())));
        List<UnmanagedObject> unmanaged = new ArrayList<>();
        UNMANAGED.forEach(c, schema, rs -> unmanaged.add(new UnmanagedObject(rs.getString("kind"), name.apply(rs.getString("name")), rs.getString("detail"))));
        return new Part(tables.values().stream().map(Draft::build).toList(), enums, sequences, views, unmanaged);
    }

    private static String qualify(String namespace, String name, String defaultSchema) {
        return namespace.equals(defaultSchema) ? name : QualifiedName.of(namespace, name);
    }

    private static void readColumn(ResultSet rs, Draft table, String defaultSchema) throws SQLException {
        if (table == null) {
            return;
        }
        String name = rs.getString("attname");
        String enumName = !"e".equals(rs.getString("base_kind")) ? null
                : defaultSchema != null ? qualify(rs.getString("base_schema"), rs.getString("base_name"), defaultSchema) : rs.getString("base_name");
        ColumnType type = PostgresTypes.parse(rs.getString("formatted"), enumName);
        String rawDefault = rs.getString("default_expr");
        String generated = null;
        Identity identity = switch (rs.getString("attidentity")) {
            case "a" -> Identity.IDENTITY_ALWAYS;
            case "d" -> Identity.IDENTITY_BY_DEFAULT;
            default -> Identity.NONE;
        };
        String defaultValue;
        if ("s".equals(rs.getString("attgenerated"))) {
            generated = rawDefault;
            defaultValue = null;
        } else if (identity == Identity.NONE && PostgresDefaults.isNextvalOf(rawDefault, rs.getString("owned_sequence"))) {
            identity = Identity.SERIAL;
            defaultValue = null;
        } else {
            defaultValue = PostgresDefaults.normalise(rawDefault, type);
        }
        table.columns.add(new Column(name, type, !rs.getBoolean("attnotnull"), defaultValue, identity, generated,
                rs.getString("collation"), rs.getString("comment"), Map.of()));
        table.columnsByNum.put(rs.getInt("attnum"), name);
    }

    private static void readConstraint(ResultSet rs, Draft table, String defaultSchema) throws SQLException {
        if (table == null) {
            return;
        }
        String name = rs.getString("conname");
        List<String> columns = strings(rs.getArray("columns"));
        switch (rs.getString("contype")) {
            case "p" -> table.primaryKey = new PrimaryKey(name, columns);
            case "f" -> table.foreignKeys.add(new ForeignKey(name, columns,
                    defaultSchema != null ? qualify(rs.getString("ref_schema"), rs.getString("ref_table"), defaultSchema) : rs.getString("ref_table"), strings(rs.getArray("ref_columns")),
                    action(rs.getString("confdeltype")), action(rs.getString("confupdtype")),
                    !rs.getBoolean("condeferrable") ? ForeignKey.Deferrable.NOT
                            : rs.getBoolean("condeferred") ? ForeignKey.Deferrable.DEFERRED : ForeignKey.Deferrable.IMMEDIATE));
            case "c" -> table.checks.add(new CheckConstraint(name, checkExpression(rs.getString("definition"))));
            default -> {
                // unique constraints come with the indexes; exclusion constraints are reported as not managed
            }
        }
    }

    /** {@code CHECK ((a > 0)) NOT VALID} → {@code (a > 0)}. */
    static String checkExpression(String definition) {
        String s = definition.strip();
        if (s.startsWith("CHECK ")) {
            s = s.substring("CHECK ".length()).strip();
        }
        if (s.endsWith(" NOT VALID")) {
            s = s.substring(0, s.length() - " NOT VALID".length());
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static void readIndex(ResultSet rs, Draft table) throws SQLException {
        if (table == null) {
            return;
        }
        int keyCount = rs.getInt("indnkeyatts");
        int[] attnums = Arrays.stream(rs.getString("indkey").trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        int[] options = Arrays.stream(rs.getString("indoption").trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        List<String> keys = strings(rs.getArray("keys"));
        List<String> opclasses = strings(rs.getArray("opclasses"));
        List<dev.godwit.engine.schema.IndexPart> parts = new ArrayList<>();
        List<String> include = new ArrayList<>();
        for (int i = 0; i < attnums.length; i++) {
            String column = attnums[i] == 0 ? null : table.columnsByNum.get(attnums[i]);
            if (i >= keyCount) {
                include.add(column);
                continue;
            }
            boolean desc = (options[i] & 1) != 0;
            boolean nullsFirst = (options[i] & 2) != 0;
            String nulls = desc == nullsFirst ? null : nullsFirst ? "FIRST" : "LAST";
            String opclass = i < opclasses.size() && !opclasses.get(i).isEmpty() ? opclasses.get(i) : null;
            parts.add(new dev.godwit.engine.schema.IndexPart(column, column == null ? keys.get(i) : null, desc, nulls, opclass, null));
        }
        table.indexes.add(new Index(rs.getString("index_name"), rs.getBoolean("indisunique"), parts, rs.getString("amname"),
                rs.getString("predicate"), include, "u".equals(rs.getString("contype"))));
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
