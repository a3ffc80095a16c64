package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.SqlGrammar;

/** The grammar PostgreSQL scripts are read in. */
public final class PostgresSqlGrammar implements SqlGrammar.Choice {

    @Override
    public Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    public SqlGrammar grammar() {
        return SqlGrammar.POSTGRES_LIKE;
    }
}
