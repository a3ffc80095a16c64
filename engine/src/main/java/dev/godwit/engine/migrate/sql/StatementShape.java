package dev.godwit.engine.migrate.sql;


import java.util.List;

/**
 * One statement as the rules read it.
 *
 * @param kind     what the statement does, from its opening words
 * @param table    the table it works on, unquoted and without its schema, or null
 * @param schema   the schema written before the table's name, unquoted, or null when none is written
 * @param tokens   its significant tokens (unquoted words upper-cased, quoted ones verbatim)
 * @param actions  the comma-separated actions of an ALTER TABLE (each a token list), or the statement's tokens
 *                 after its table name for other kinds
 * @param parsedBy "jsqlparser" when JSqlParser understood the statement (and named its table), "lexer" otherwise
 */
public record StatementShape(SqlStatement statement, Kind kind, String table, String schema, List<String> tokens,
                             List<List<String>> actions, String parsedBy) {

    public enum Kind {
        CREATE_TABLE, CREATE_INDEX, DROP_INDEX, ALTER_TABLE, DROP_TABLE, RENAME_TABLE, TRUNCATE, SET, BEGIN, COMMIT, OTHER
    }

    public StatementShape {
        tokens = List.copyOf(tokens);
        actions = actions.stream().map(List::copyOf).toList();
    }

    public boolean has(String word) {
        return tokens.contains(word);
    }

    /** Whether the statement's tokens hold {@code words} one after another. */
    public boolean hasSequence(String... words) {
        return Tokens.indexOf(tokens, 0, words) >= 0;
    }
}
