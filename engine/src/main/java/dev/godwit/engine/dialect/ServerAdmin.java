package dev.godwit.engine.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Server-level chores that shadow databases need: making and dropping whole databases and
 * emptying a schema. Kept apart from {@link Dialect} because only shadow handling uses them.
 */
public interface ServerAdmin {

    void createDatabase(Connection c, String name) throws SQLException;

    /** Drops the database even while sessions are still connected to it, when the server allows that. */
    void dropDatabase(Connection c, String name) throws SQLException;

    /** Names of the databases on the server that start with {@code prefix}. */
    List<String> databases(Connection c, String prefix) throws SQLException;

    /** A fresh database has only the default schema; migrations may expect the project's own. */
    void createSchemaIfMissing(Connection c, String schema) throws SQLException;

    /** Drops every object in the schema (tables, views, types, sequences, routines). */
    void emptySchema(Connection c, String schema) throws SQLException;

    /** Whether the error means this login may not do that (e.g. no CREATEDB). */
    boolean isPermissionDenied(SQLException e);
}
