package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.dialect.ServerAdmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class MysqlServerAdmin implements ServerAdmin {
    /** ER_DBACCESS_DENIED_ERROR, ER_ACCESS_DENIED_ERROR, ER_TABLEACCESS_DENIED_ERROR, ER_SPECIFIC_ACCESS_DENIED_ERROR. */
    private static final List<Integer> DENIED = List.of(1044, 1045, 1142, 1227);

    @Override
    public void createDatabase(Connection c, String name) throws SQLException {
        exec(c, "CREATE DATABASE " + q(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    @Override
    public void dropDatabase(Connection c, String name) throws SQLException {
        exec(c, "DROP DATABASE IF EXISTS " + q(name));
    }

    @Override
    public List<String> databases(Connection c, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE LEFT(SCHEMA_NAME, CHAR_LENGTH(?)) = ? ORDER BY 1")) {
            ps.setString(1, prefix);
            ps.setString(2, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** On MySQL the schema is the database, which exists once we are connected to it. */
    @Override
    public void createSchemaIfMissing(Connection c, String schema) {
    }

    /**
     * Drops views, tables and routines one by one: dropping the database itself would need a
     * privilege the shadow user may lack, and would lose its character set.
     */
    @Override
    public void emptySchema(Connection c, String schema) throws SQLException {
        List<String> drops = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_TYPE DESC")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean view = rs.getString(1).contains("VIEW");
                    drops.add((view ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + q(schema) + "." + q(rs.getString(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add("DROP " + rs.getString(1) + " IF EXISTS " + q(schema) + "." + q(rs.getString(2)));
                }
            }
        }
        exec(c, "SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String sql : drops) {
                exec(c, sql);
            }
        } finally {
            exec(c, "SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    @Override
    public boolean isPermissionDenied(SQLException e) {
        return DENIED.contains(e.getErrorCode());
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
