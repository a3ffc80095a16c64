package dev.godwit.engine.db;

import dev.godwit.engine.dialect.Dialect;

import javax.sql.DataSource;

/**
 * The database a command works on: how to connect, which dialect speaks to
 * it, which schema holds the project's tables, and a password-free name to
 * show users.
 */
public record Target(Dialect dialect, DataSource dataSource, String schema, String display) {
}
