package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.migrate.sql.KeywordTokens;
import dev.godwit.engine.migrate.sql.StatementKeywords;

import java.util.List;
import java.util.Optional;

/**
 * Which statements PostgreSQL must run outside a transaction block.
 *
 * <p>Decisions are taken on the statement's keyword stream ({@link StatementKeywords}), so a
 * keyword inside a comment, a string or a quoted identifier never counts.
 *
 * <p>Where the server's answer depends on options (subscriptions that create or drop a
 * replication slot, {@code ALTER SUBSCRIPTION ... REFRESH}), the rule errs on the side of
 * running outside a transaction: that costs atomicity, while the opposite mistake fails the
 * migration.
 *
 * <p>Transaction control written into a script ({@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT}, {@code ROLLBACK}, ...) is <em>not</em> reported by
 * {@link #whyNotTransactional}: such a statement can run inside a transaction block, it just
 * changes it. Callers that wrap a migration in their own transaction should look for it with
 * {@link dev.godwit.engine.migrate.sql.TransactionRules#isTransactionControl} and decide separately.
 */
public final class PostgresTransactionRules {

    private static final int LOOKAHEAD = 48;

    private PostgresTransactionRules() {
    }

    /**
     * Why this statement cannot run inside a transaction block, or empty. Always empty for
     * MySQL, whose statements are run one by one and where DDL commits implicitly anyway.
     */
    public static Optional<String> whyNotTransactional(SqlStatement st, Provider provider) {
        if (provider != Provider.POSTGRESQL) {
            return Optional.empty();
        }
        KeywordTokens t = new KeywordTokens(StatementKeywords.leading(st.text(), LOOKAHEAD, provider));
        String reason = switch (t.at(0)) {
            case "CREATE" -> create(t);
            case "DROP" -> drop(t);
            case "ALTER" -> alter(t);
            case "REINDEX" -> reindex(t);
            case "VACUUM" -> blocked("VACUUM");
            case "CLUSTER" -> t.onlyFrom(1, "VERBOSE", "(", ")", ",") ? blocked("CLUSTER without a table name") : null;
            default -> null;
        };
        return Optional.ofNullable(reason);
    }

    /**
     * Why a migration's statements cannot all run in one transaction block: "statement N (line L): reason"
     * for each statement that prevents it, empty when they can. Besides the statements that never can
     * ({@link #whyNotTransactional(SqlStatement, Provider)}), an {@code ALTER TYPE … ADD VALUE} can when the
     * server is PostgreSQL 12 or later and no later statement of the migration uses the new value, which
     * PostgreSQL refuses in the transaction that added it ("unsafe use of new value"). {@code serverMajor}
     * 0 means unknown, and counts as a server before 12.
     */
    public static List<String> whyNotTransactional(List<SqlStatement> statements, Provider provider, int serverMajor) {
        List<String> reasons = new java.util.ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement st = statements.get(i);
            String why = whyNotTransactional(st, provider).orElse(null);
            String value = provider == Provider.POSTGRESQL ? addedEnumValue(st) : null;
            if (why == null && value != null) {
                if (serverMajor < 12) {
                    why = "ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12"
                            + (serverMajor == 0 ? " (the server's version is not known)" : "");
                } else {
                    for (SqlStatement later : statements.subList(i + 1, statements.size())) {
                        if (StatementKeywords.stringLiterals(later.text(), provider).contains(value)) {
                            why = "ALTER TYPE ... ADD VALUE '" + value + "': statement " + later.index() + " (line " + later.line()
                                    + ") uses the new value, which PostgreSQL refuses in the transaction that added it";
                            break;
                        }
                    }
                }
            }
            if (why != null) {
                reasons.add("statement " + st.index() + " (line " + st.line() + "): " + why);
            }
        }
        return reasons;
    }

    /** The value an {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'value' …} adds, or null for any other statement. */
    static String addedEnumValue(SqlStatement st) {
        KeywordTokens t = new KeywordTokens(StatementKeywords.leading(st.text(), LOOKAHEAD, Provider.POSTGRESQL));
        if (!t.is(0, "ALTER") || !t.is(1, "TYPE")) {
            return null;
        }
        int i = t.skipName(2);
        if (!t.is(i, "ADD") || !t.is(i + 1, "VALUE")) {
            return null;
        }
        List<String> literals = StatementKeywords.stringLiterals(st.text(), Provider.POSTGRESQL);
        return literals.isEmpty() ? null : literals.get(0);
    }

    private static String create(KeywordTokens t) {
        int i = 1;
        if (t.is(i, "UNIQUE")) {
            i++;
        }
        if (t.is(i, "INDEX") && t.is(i + 1, "CONCURRENTLY")) {
            return blocked("CREATE INDEX CONCURRENTLY");
        }
        return switch (t.at(1)) {
            case "DATABASE" -> blocked("CREATE DATABASE");
            case "TABLESPACE" -> blocked("CREATE TABLESPACE");
            case "SUBSCRIPTION" -> blocked("CREATE SUBSCRIPTION");
            default -> null;
        };
    }

    private static String drop(KeywordTokens t) {
        return switch (t.at(1)) {
            case "INDEX" -> t.is(2, "CONCURRENTLY") ? blocked("DROP INDEX CONCURRENTLY") : null;
            case "DATABASE" -> blocked("DROP DATABASE");
            case "TABLESPACE" -> blocked("DROP TABLESPACE");
            case "SUBSCRIPTION" -> blocked("DROP SUBSCRIPTION");
            default -> null;
        };
    }

    private static String alter(KeywordTokens t) {
        switch (t.at(1)) {
            case "SYSTEM":
                return blocked("ALTER SYSTEM");
            case "SUBSCRIPTION":
                return blocked("ALTER SUBSCRIPTION");
            case "TYPE":
                return null; // ADD VALUE depends on the server and on the rest of the migration: see below
            case "DATABASE": {
                int i = t.skipName(2);
                return t.is(i, "SET") && t.is(i + 1, "TABLESPACE") ? blocked("ALTER DATABASE ... SET TABLESPACE") : null;
            }
            case "TABLE": {
                int detach = t.indexOf("DETACH", 2);
                if (detach >= 0 && t.is(detach + 1, "PARTITION") && t.indexOf("CONCURRENTLY", detach + 2) >= 0) {
                    return blocked("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");
                }
                return null;
            }
            default:
                return null;
        }
    }

    private static String reindex(KeywordTokens t) {
        int i = 1;
        boolean concurrently = false;
        if (t.is(i, "(")) {
            for (i++; i < t.size() && !t.is(i, ")"); i++) {
                if (t.is(i, "CONCURRENTLY")) {
                    concurrently = !(t.is(i + 1, "FALSE") || t.is(i + 1, "OFF") || t.is(i + 1, "0"));
                }
            }
            i++;
        }
        String target = t.at(i);
        if (t.is(i + 1, "CONCURRENTLY")) {
            concurrently = true;
        }
        if (concurrently) {
            return blocked("REINDEX ... CONCURRENTLY");
        }
        return switch (target) {
            case "SCHEMA", "DATABASE", "SYSTEM" -> blocked("REINDEX " + target);
            default -> null;
        };
    }

    private static String blocked(String what) {
        return what + " cannot run inside a transaction block";
    }
}
