package dev.godwit.engine.dialect.mysql;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.sql.SqlGrammar;

/** The grammar MySQL and MariaDB scripts are read in. */
public final class MysqlSqlGrammar implements SqlGrammar.Choice {

    @Override
    public Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    public SqlGrammar grammar() {
        return SqlGrammar.MYSQL_LIKE;
    }
}
