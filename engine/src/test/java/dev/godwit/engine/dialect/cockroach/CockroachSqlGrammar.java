package dev.godwit.engine.dialect.cockroach;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.SqlGrammar;

/** CockroachDB's scripts read in PostgreSQL's grammar. */
public final class CockroachSqlGrammar implements SqlGrammar.Choice {

    @Override
    public Provider provider() {
        return CockroachFamily.COCKROACHDB;
    }

    @Override
    public SqlGrammar grammar() {
        return SqlGrammar.POSTGRES_LIKE;
    }
}
