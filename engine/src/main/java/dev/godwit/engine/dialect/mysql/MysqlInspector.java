package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.dialect.CatalogQuery;
import dev.godwit.engine.dialect.Inspector;
import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Identity;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.ReferentialAction;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.engine.schema.View;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MySQL/MariaDB database from {@code information_schema}: seven queries, one per kind
 * of object, whatever the number of tables.
 */
public final class MysqlInspector implements Inspector {
    private static final CatalogQuery TABLES = CatalogQuery.load(MysqlInspector.class, "tables.sql");
    private static final CatalogQuery COLUMNS = CatalogQuery.load(MysqlInspector.class, "columns.sql");
    private static final CatalogQuery INDEXES = CatalogQuery.load(MysqlInspector.class, "indexes.sql");
    private static final CatalogQuery FOREIGN_KEYS = CatalogQuery.load(MysqlInspector.class, "foreign_keys.sql");
    private static final CatalogQuery CHECKS_MARIADB = CatalogQuery.load(MysqlInspector.class, "checks_mariadb.sql");
    private static final CatalogQuery CHECKS_MYSQL = CatalogQuery.load(MysqlInspector.class, "checks_mysql.sql");
    private static final CatalogQuery VIEWS = CatalogQuery.load(MysqlInspector.class, "views.sql");
    private static final CatalogQuery UNMANAGED = CatalogQuery.load(MysqlInspector.class, "unmanaged.sql");

    private static final class Draft {
        final String name;
        final String collation;
        final String comment;
        final Map<String, String> attributes = new HashMap<>();
        final List<Column> columns = new ArrayList<>();
        final Map<String, List<Object[]>> indexRows = new LinkedHashMap<>();
        final Map<String, List<Object[]>> fkRows = new LinkedHashMap<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        Draft(String name, String engine, String collation, String comment) {
            this.name = name;
            this.collation = collation;
            this.comment = comment == null || comment.isEmpty() ? null : comment;
            if (engine != null && !engine.equalsIgnoreCase("InnoDB")) {
                attributes.put("engine", engine);
            }
            if (collation != null) {
                attributes.put("collation", collation);
            }
        }
    }

    @Override
    public Schema inspect(Connection c, String schema) throws SQLException {
        boolean mariadb = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        Map<String, Draft> tables = new LinkedHashMap<>();
        TABLES.forEach(c, schema, rs -> tables.put(rs.getString("TABLE_NAME"), new Draft(rs.getString("TABLE_NAME"),
                rs.getString("ENGINE"), rs.getString("TABLE_COLLATION"), rs.getString("TABLE_COMMENT"))));
        // a row of no table is a view's: its columns go with the view
        Map<String, Draft> viewColumns = new HashMap<>();
        COLUMNS.forEach(c, schema, rs -> {
            Draft table = tables.get(rs.getString("TABLE_NAME"));
            readColumn(rs, table != null ? table
                    : viewColumns.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new Draft(k, null, null, null)), mariadb);
        });
        INDEXES.forEach(c, schema, rs -> {
            Draft t = tables.get(rs.getString("TABLE_NAME"));
            if (t != null) {
                t.indexRows.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>()).add(new Object[]{
                        rs.getString("COLUMN_NAME"), rs.getInt("NON_UNIQUE") == 0, rs.getObject("SUB_PART"),
                        "D".equals(rs.getString("COLLATION")), rs.getString("INDEX_TYPE")});
            }
        });
        FOREIGN_KEYS.forEach(c, schema, rs -> {
            Draft t = tables.get(rs.getString("TABLE_NAME"));
            if (t != null) {
                t.fkRows.computeIfAbsent(rs.getString("CONSTRAINT_NAME"), k -> new ArrayList<>()).add(new Object[]{
                        rs.getString("COLUMN_NAME"), rs.getString("REFERENCED_TABLE_NAME"), rs.getString("REFERENCED_COLUMN_NAME"),
                        rs.getString("DELETE_RULE"), rs.getString("UPDATE_RULE")});
            }
        });
        (mariadb ? CHECKS_MARIADB : CHECKS_MYSQL).forEach(c, schema, rs -> {
            Draft t = tables.get(rs.getString("TABLE_NAME"));
            if (t != null) {
                t.checks.add(new CheckConstraint(rs.getString("CONSTRAINT_NAME"), rs.getString("CHECK_CLAUSE")));
            }
        });
        List<View> views = new ArrayList<>();
        String qualifier = "`" + schema.replace("`", "``") + "`.";
        VIEWS.forEach(c, schema, rs -> views.add(new View(rs.getString("TABLE_NAME"),
                rs.getString("VIEW_DEFINITION").replace(qualifier, "").strip(), false,
                viewColumns.containsKey(rs.getString("TABLE_NAME")) ? viewColumns.get(rs.getString("TABLE_NAME")).columns : List.of())));
        List<UnmanagedObject> unmanaged = new ArrayList<>();
        UNMANAGED.forEach(c, schema, rs -> unmanaged.add(new UnmanagedObject(rs.getString("kind"), rs.getString("name"), rs.getString("detail"))));
        if (mariadb) {
            tables.values().forEach(MysqlInspector::readMariadbJson);
        }
        return new Schema(schema, tables.values().stream().map(MysqlInspector::build).toList(), List.of(), List.of(), views, unmanaged);
    }

    private static void readColumn(ResultSet rs, Draft t, boolean mariadb) throws SQLException {
        if (t == null) {
            return;
        }
        Long charLength = rs.getObject("CHARACTER_MAXIMUM_LENGTH") == null ? null : rs.getLong("CHARACTER_MAXIMUM_LENGTH");
        Integer precision = rs.getObject("NUMERIC_PRECISION") == null ? null : rs.getInt("NUMERIC_PRECISION");
        Integer scale = rs.getObject("NUMERIC_SCALE") == null ? null : rs.getInt("NUMERIC_SCALE");
        Integer fraction = rs.getObject("DATETIME_PRECISION") == null ? null : rs.getInt("DATETIME_PRECISION");
        ColumnType type = MysqlTypes.parse(rs.getString("DATA_TYPE"), rs.getString("COLUMN_TYPE"), charLength, precision, scale, fraction);
        String extra = rs.getString("EXTRA") == null ? "" : rs.getString("EXTRA");
        String lowerExtra = extra.toLowerCase(Locale.ROOT);
        String generated = rs.getString("GENERATION_EXPRESSION");
        Map<String, String> attributes = new HashMap<>();
        if (generated != null && !generated.isEmpty()) {
            attributes.put("generated", lowerExtra.contains("stored") ? "STORED" : "VIRTUAL");
        } else {
            generated = null;
        }
        int onUpdate = lowerExtra.indexOf("on update ");
        if (onUpdate >= 0) {
            String expr = extra.substring(onUpdate + "on update ".length()).trim().split("\\s+")[0];
            attributes.put("on_update", MysqlTypes.normaliseDefault(expr, type, "", true));
        }
        String defaultValue = generated != null ? null : MysqlTypes.normaliseDefault(rs.getString("COLUMN_DEFAULT"), type, extra, mariadb);
        String collation = rs.getString("COLLATION_NAME");
        if (collation != null && collation.equals(t.collation)) {
            collation = null;
        }
        String comment = rs.getString("COLUMN_COMMENT");
        t.columns.add(new Column(rs.getString("COLUMN_NAME"), type, "YES".equals(rs.getString("IS_NULLABLE")), defaultValue,
                lowerExtra.contains("auto_increment") ? Identity.AUTO_INCREMENT : Identity.NONE, generated, collation,
                comment == null || comment.isEmpty() ? null : comment, attributes));
    }

    /**
     * MariaDB's JSON is an alias: it creates LONGTEXT with the utf8mb4_bin collation and a check
     * {@code json_valid(col)} named after the column. Read back, that is the JSON column it was declared as.
     */
    private static void readMariadbJson(Draft t) {
        for (int i = 0; i < t.columns.size(); i++) {
            Column c = t.columns.get(i);
            String clause = "json_valid(`" + c.name().replace("`", "``") + "`)";
            boolean json = c.type().name().equals("longtext") && "utf8mb4_bin".equals(c.collation())
                    && t.checks.removeIf(k -> k.name().equals(c.name()) && k.expression().replace(" ", "").equals(clause));
            if (json) {
                t.columns.set(i, new Column(c.name(), ColumnType.of("json"), c.nullable(), c.defaultValue(), c.identity(),
                        c.generated(), null, c.comment(), c.attributes()));
            }
        }
    }

    private static Table build(Draft t) {
        PrimaryKey pk = null;
        List<Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> e : t.indexRows.entrySet()) {
            List<Object[]> rows = e.getValue();
            if (e.getKey().equals("PRIMARY")) {
                pk = new PrimaryKey(null, rows.stream().map(r -> (String) r[0]).toList());
                continue;
            }
            List<IndexPart> parts = rows.stream().map(r -> new IndexPart((String) r[0], null, (Boolean) r[3], null, null,
                    r[2] == null ? null : ((Number) r[2]).intValue())).toList();
            indexes.add(new Index(e.getKey(), (Boolean) rows.get(0)[1], parts, ((String) rows.get(0)[4]).toLowerCase(Locale.ROOT),
                    null, List.of(), false));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (Map.Entry<String, List<Object[]>> e : t.fkRows.entrySet()) {
            List<Object[]> rows = e.getValue();
            Object[] first = rows.get(0);
            fks.add(new ForeignKey(e.getKey(), rows.stream().map(r -> (String) r[0]).toList(), (String) first[1],
                    rows.stream().map(r -> (String) r[2]).toList(), action((String) first[3]), action((String) first[4]),
                    ForeignKey.Deferrable.NOT));
        }
        return new Table(t.name, t.columns, pk, indexes, fks, t.checks, t.comment, t.attributes);
    }

    private static ReferentialAction action(String rule) {
        return switch (rule) {
            case "CASCADE" -> ReferentialAction.CASCADE;
            case "SET NULL" -> ReferentialAction.SET_NULL;
            case "SET DEFAULT" -> ReferentialAction.SET_DEFAULT;
            case "NO ACTION" -> ReferentialAction.NO_ACTION;
            default -> ReferentialAction.RESTRICT;
        };
    }
}
