package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.PerProvider;
import dev.godwit.engine.Provider;

/**
 * The two SQL grammars godwit reads scripts in. A database family speaks one of them (a dialect package
 * says which through {@link Choice}); the lexer, the splitter and the statement readers ask the grammar,
 * never the family, so that a family that speaks PostgreSQL's SQL (CockroachDB, YugabyteDB) reads the same.
 */
public enum SqlGrammar {
    /**
     * PostgreSQL's: {@code "…"} identifiers, {@code $tag$…$tag$} and {@code E'…'} strings, nested block
     * comments, {@code U&"…"} identifiers, {@code END} and {@code ABORT} as transaction control.
     */
    POSTGRES_LIKE,
    /**
     * MySQL's and MariaDB's: {@code `…`} identifiers, {@code "…"} strings unless ANSI_QUOTES, backslash
     * escapes by default, {@code #} comments, {@code /*!…*}{@code /} comments that the server executes, the
     * client's {@code DELIMITER} and compound {@code BEGIN … END} blocks, {@code :=} assignments,
     * {@code SET autocommit}, and a {@code BEGIN} that commits the transaction already open.
     */
    MYSQL_LIKE;

    private static final PerProvider<Choice> CHOICES = PerProvider.load(Choice.class, Choice::provider);

    /** The grammar a database family speaks. */
    public static SqlGrammar of(Provider provider) {
        return CHOICES.of(provider).grammar();
    }

    /** Which grammar one family speaks; implemented in each dialect package and listed in {@code META-INF/services}. */
    public interface Choice {
        Provider provider();

        SqlGrammar grammar();
    }
}
