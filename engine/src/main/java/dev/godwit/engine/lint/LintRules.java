package dev.godwit.engine.lint;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.StatementShape;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One database family's facts for the linter: what each statement locks, rewrites and scans, and how to
 * write it safely; and how to read table sizes from the live server. Each dialect package implements it
 * once and lists it in {@code META-INF/services}, so that the dialect interface does not name the linter.
 */
public interface LintRules {

    Provider provider();

    /** The hazards of one statement; {@code earlier}: the statements before it in the same migration. */
    List<Hazard> hazards(StatementShape statement, List<StatementShape> earlier, LintContext context);

    /** Hazards of the migration as a whole (a missing lock timeout, CONCURRENTLY inside a transaction). */
    List<Hazard> migrationHazards(List<StatementShape> statements, LintContext context);

    /** The size and columns of each of {@code tables} that exists in {@code schema} (names as the rules give them). */
    Map<String, LiveTable> liveTables(Connection connection, String schema, Collection<String> tables) throws SQLException;

    /**
     * The safe form of a statement on a table that exists before the migration, or null when it has none
     * (or needs none). {@code earlier}: the statements before it in the migration.
     */
    default SafeForm safeForm(StatementShape statement, List<StatementShape> earlier) {
        return null;
    }

    /** What the server is. */
    ServerFacts server(Connection connection) throws SQLException;

    /** The rules of a database family. */
    static LintRules of(Provider provider) {
        return LintRulesLoader.of(provider);
    }
}
