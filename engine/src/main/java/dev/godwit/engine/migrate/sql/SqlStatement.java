package dev.godwit.engine.migrate.sql;

/**
 * One statement of a migration script, as cut out by {@link SqlSplitter}.
 *
 * @param index  1-based position of the statement in the script
 * @param text   the statement without its delimiter: it starts at the first character
 *               that is neither white space nor part of a comment and ends with the last
 *               such character, so comments before it (a {@code -- CreateTable} header)
 *               and after it are not included, while comments inside it are kept verbatim
 * @param line   1-based line of the file where {@code text} starts ({@code \n}, {@code \r\n}
 *               and a lone {@code \r} each end a line)
 * @param column 1-based column of that first character, counted in UTF-16 chars
 */
public record SqlStatement(int index, String text, int line, int column) {

    public SqlStatement {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    /** {@code line:column}, for messages. */
    public String position() {
        return line + ":" + column;
    }
}
