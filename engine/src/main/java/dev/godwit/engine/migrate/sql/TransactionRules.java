package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.project.Provider;
import java.util.Optional;

/** Placeholder until the lexer-based rules land. */
public final class TransactionRules {
    private TransactionRules() {}
    public static Optional<String> whyNotTransactional(SqlStatement st, Provider provider) {
        String t = st.text().toUpperCase();
        if (provider == Provider.POSTGRESQL && t.contains("CONCURRENTLY")) return Optional.of("CONCURRENTLY cannot run inside a transaction block");
        return Optional.empty();
    }
}
