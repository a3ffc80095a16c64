package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.dialect.ServerAdmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

final class PostgresServerAdmin implements ServerAdmin {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Override
    public void createDatabase(Connection c, String name) throws SQLException {
        exec(c, "CREATE DATABASE " + q(name));
    }

    @Override
    public void dropDatabase(Connection c, String name) throws SQLException {
        // FORCE (PostgreSQL 13+) ends sessions left behind by an interrupted replay.
        exec(c, "DROP DATABASE IF EXISTS " + q(name) + " WITH (FORCE)");
    }

    @Override
    public List<String> databases(Connection c, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY 1")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public void createSchemaIfMissing(Connection c, String schema) throws SQLException {
        exec(c, "CREATE SCHEMA IF NOT EXISTS " + q(schema));
    }

    /** Dropping the schema with CASCADE takes every kind of object with it, including ones godwit does not model. */
    @Override
    public void emptySchema(Connection c, String schema) throws SQLException {
        exec(c, "DROP SCHEMA IF EXISTS " + q(schema) + " CASCADE");
        exec(c, "CREATE SCHEMA " + q(schema));
    }

    @Override
    public boolean isPermissionDenied(SQLException e) {
        return INSUFFICIENT_PRIVILEGE.equals(e.getSQLState());
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
