package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;

/**
 * Transaction control written into a script ({@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT},
 * {@code ROLLBACK}, MySQL's {@code SET autocommit}, ...), read on the statement's keyword stream
 * ({@link StatementKeywords}) so that a keyword inside a comment, a string or a quoted identifier never
 * counts. Such a statement can run inside a transaction block, it just changes it: callers that wrap a
 * migration in their own transaction look for it here. Which statements cannot run inside a transaction
 * at all is a fact of each dialect ({@code Dialect.whyNotTransactional}).
 */
public final class TransactionRules {

    private TransactionRules() {
    }

    /**
     * Whether the statement starts, ends or marks a transaction itself: {@code BEGIN},
     * {@code START TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT},
     * {@code SAVEPOINT}, {@code RELEASE}. MariaDB's {@code BEGIN NOT ATOMIC} block is not.
     */
    public static boolean isTransactionControl(SqlStatement st, Provider provider) {
        KeywordTokens t = new KeywordTokens(StatementKeywords.leading(st.text(), 3, provider));
        boolean pg = SqlGrammar.of(provider) == SqlGrammar.POSTGRES_LIKE;
        return switch (t.at(0)) {
            case "BEGIN" -> !(t.is(1, "NOT") && t.is(2, "ATOMIC"));
            case "START" -> t.is(1, "TRANSACTION");
            case "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE" -> true;
            case "END", "ABORT" -> pg;
            default -> false;
        };
    }

    /** What a statement does to the transaction it runs in. */
    public enum Control {
        /** Not transaction control. */
        NONE,
        /** BEGIN, START TRANSACTION: opens a transaction. */
        BEGIN,
        /** COMMIT, END: makes the open transaction's statements permanent. */
        COMMIT,
        /** ROLLBACK (not ROLLBACK TO a savepoint), ABORT: undoes them. */
        ROLLBACK,
        /** SAVEPOINT, RELEASE, ROLLBACK TO: works inside the open transaction. */
        SAVEPOINT,
        /** MySQL {@code SET autocommit = 0}: every later statement waits for a COMMIT. */
        AUTOCOMMIT_OFF,
        /** MySQL {@code SET autocommit = 1}: commits what is open and ends waiting. */
        AUTOCOMMIT_ON
    }

    /** How the statement controls transactions, {@link Control#NONE} for most. */
    public static Control control(SqlStatement st, Provider provider) {
        KeywordTokens t = new KeywordTokens(StatementKeywords.leading(st.text(), 6, provider));
        boolean pg = SqlGrammar.of(provider) == SqlGrammar.POSTGRES_LIKE;
        return switch (t.at(0)) {
            case "BEGIN" -> t.is(1, "NOT") && t.is(2, "ATOMIC") ? Control.NONE : Control.BEGIN;
            case "START" -> t.is(1, "TRANSACTION") ? Control.BEGIN : Control.NONE;
            case "COMMIT" -> Control.COMMIT;
            case "END" -> pg ? Control.COMMIT : Control.NONE;
            case "ABORT" -> pg ? Control.ROLLBACK : Control.NONE;
            case "ROLLBACK" -> t.indexOf("TO", 1) >= 0 ? Control.SAVEPOINT : Control.ROLLBACK;
            case "SAVEPOINT", "RELEASE" -> Control.SAVEPOINT;
            case "SET" -> autocommit(t, provider);
            default -> Control.NONE;
        };
    }

    private static Control autocommit(KeywordTokens t, Provider provider) {
        if (SqlGrammar.of(provider) != SqlGrammar.MYSQL_LIKE) {
            return Control.NONE;
        }
        int i = 1;
        if (t.is(i, "SESSION") || t.is(i, "LOCAL") || t.is(i, "@@SESSION") || t.is(i, "@@LOCAL")) {
            i++;
        }
        while (t.is(i, "@") || t.is(i, "@@") || t.is(i, ".")) {
            i++;
        }
        if (!t.is(i, "AUTOCOMMIT") && !t.at(i).endsWith("AUTOCOMMIT")) {
            return Control.NONE;
        }
        String v = t.is(i + 1, "=") || t.is(i + 1, ":=") ? t.at(i + 2) : t.at(i + 1);
        return switch (v) {
            case "0", "OFF", "FALSE" -> Control.AUTOCOMMIT_OFF;
            case "1", "ON", "TRUE" -> Control.AUTOCOMMIT_ON;
            default -> Control.AUTOCOMMIT_OFF; // an expression: assume the worst, that it waits for a COMMIT
        };
    }
}
