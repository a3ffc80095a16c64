package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlGrammar;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.migrate.sql.StatementKeywords;
import dev.godwit.engine.migrate.sql.TransactionRules;
import dev.godwit.engine.migrate.sql.TransactionRules.Control;
import dev.godwit.engine.Provider;

import java.util.Set;

/**
 * Follows the transactions a migration opens and ends itself while it runs statement by statement,
 * so that the history counts only what was kept: statements outside a transaction, and those a
 * COMMIT made permanent. Statements of a transaction still open when a later one fails are undone
 * with it (the server aborts it, and godwit rolls it back before it writes the history). On MySQL
 * a DDL statement inside a transaction commits it implicitly, and is counted so.
 */
final class OwnTransactions {
    private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "LOAD", "CALL", "DO",
            "HANDLER", "TABLE", "VALUES", "WITH", "SET");
    private final Provider provider;
    /** MySQL and MariaDB: a BEGIN commits the transaction already open. */
    private final boolean beginCommits;
    /** Where DDL cannot be rolled back, it commits the open transaction before it runs. */
    private final boolean ddlCommits;
    private boolean open;
    private boolean autocommitOff;
    private int kept;
    private int pending;
    private int openedAtLine;

    OwnTransactions(Provider provider) {
        this.provider = provider;
        this.beginCommits = SqlGrammar.of(provider) == SqlGrammar.MYSQL_LIKE;
        this.ddlCommits = !Dialect.of(provider).transactionalDdl();
    }

    /** Records that {@code st} ran without error. */
    void ran(SqlStatement st) {
        Control c = TransactionRules.control(st, provider);
        switch (c) {
            case BEGIN -> {
                if (open && beginCommits) {
                    commit(); // MySQL commits the open transaction when another begins
                }
                open = true;
                openedAtLine = st.line();
                pending++;
            }
            case COMMIT -> {
                pending++;
                commit();
            }
            case ROLLBACK -> {
                pending = 0;
                kept++;
                open = autocommitOff;
            }
            case AUTOCOMMIT_OFF -> {
                kept += pending + 1;
                pending = 0;
                autocommitOff = true;
                open = true;
                openedAtLine = st.line();
            }
            case AUTOCOMMIT_ON -> {
                autocommitOff = false;
                pending++;
                commit();
            }
            default -> {
                if (!open) {
                    kept++;
                } else if (ddlCommits && !isDml(st)) {
                    pending++;
                    commit();
                } else {
                    pending++;
                }
            }
        }
    }

    private void commit() {
        kept += pending;
        pending = 0;
        open = autocommitOff;
    }

    /** Whether a transaction of the migration is open now (the history must not be written into it). */
    boolean open() {
        return open;
    }

    /** Statements that took effect and stay. */
    int kept() {
        return kept;
    }

    /** Statements of the open transaction, undone when it is rolled back. */
    int pending() {
        return pending;
    }

    int openedAtLine() {
        return openedAtLine;
    }

    /** Whether the migration left autocommit off (MySQL), which godwit must turn back on. */
    boolean autocommitOff() {
        return autocommitOff;
    }

    private boolean isDml(SqlStatement st) {
        var lead = StatementKeywords.leading(st.text(), 1, provider);
        return !lead.isEmpty() && DML.contains(lead.get(0));
    }
}
