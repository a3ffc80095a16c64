package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.Provider;

/**
 * A small streaming tokenizer for migration scripts. It knows only as much SQL as
 * splitting and keyword sniffing need: where quoted text, comments and statement
 * delimiters begin and end. Every token is a span {@code [start, end)} of the input;
 * nothing is copied while scanning, each character is looked at a bounded number of
 * times, and nothing recurses, so very large scripts are fine.
 *
 * <p>Malformed input never throws: an unterminated quote or comment simply runs to
 * the end of the input.
 */
final class SqlLexer {

    enum Kind {
        /** End of input; {@code start == end == length}. */
        EOF,
        /** A run of white space. */
        SPACE,
        /** {@code -- ...} (and {@code # ...} on MySQL), up to but excluding the line break. */
        LINE_COMMENT,
        /** {@code /* ... *}{@code /}; nested on PostgreSQL. */
        BLOCK_COMMENT,
        /** MySQL {@code /*! ... *}{@code /}: the server executes it, so it is part of the statement. */
        EXECUTABLE_COMMENT,
        /** Unquoted identifier or keyword. */
        WORD,
        /** A number (or, on MySQL, an identifier starting with a digit). */
        NUMBER,
        /** {@code "..."} on PostgreSQL, {@code `...`} on MySQL. */
        QUOTED_IDENTIFIER,
        /** A string literal of any form: {@code '...'}, {@code E'...'}, {@code $tag$...$tag$}, MySQL {@code "..."}. */
        STRING,
        /** The current statement delimiter ({@code ;} unless changed on MySQL). */
        DELIMITER,
        /** Any other single character. */
        PUNCT;

        /** Whether the token carries meaning (is not white space or an ordinary comment). */
        boolean significant() {
            return this != SPACE && this != LINE_COMMENT && this != BLOCK_COMMENT && this != EOF;
        }
    }

    private final CharSequence s;
    private final int length;
    private final boolean mysql;
    /** Whether a backslash escapes the next character in plain {@code '…'} strings (MySQL by default; PostgreSQL with standard_conforming_strings off). */
    private final boolean backslashEscapes;
    /** MySQL's ANSI_QUOTES: {@code "…"} is an identifier, not a string. */
    private final boolean ansiQuotes;
    private String delimiter = ";";
    private char delimiterFirst = ';';

    private int pos;
    /** Span of the last token returned by {@link #next()}. */
    int start;
    int end;
    /** Whether the last block comment ran to the end of the input without being closed. */
    boolean unterminatedComment;
    /** Whether the last token is a quoted string or identifier that ran to the end of the input without being closed. */
    boolean unterminatedQuote;

    SqlLexer(CharSequence s, Provider provider) {
        this(s, provider, SqlGrammar.of(provider) == SqlGrammar.MYSQL_LIKE, false);
    }

    /**
     * A lexer for one reading of the server's settings: {@code backslashEscapes} false is MySQL's
     * NO_BACKSLASH_ESCAPES (or PostgreSQL's default standard_conforming_strings), {@code ansiQuotes}
     * MySQL's ANSI_QUOTES.
     */
    SqlLexer(CharSequence s, Provider provider, boolean backslashEscapes, boolean ansiQuotes) {
        this.s = s;
        this.length = s.length();
        this.mysql = SqlGrammar.of(provider) == SqlGrammar.MYSQL_LIKE;
        this.backslashEscapes = backslashEscapes;
        this.ansiQuotes = mysql && ansiQuotes;
    }

    CharSequence input() {
        return s;
    }

    int position() {
        return pos;
    }

    /** Continues scanning at {@code offset} (used to skip a client command line or to rescan). */
    void reset(int offset) {
        pos = offset;
        start = offset;
        end = offset;
    }

    String delimiter() {
        return delimiter;
    }

    /** MySQL only: the client {@code DELIMITER} command changed the statement terminator. */
    void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
        this.delimiterFirst = delimiter.charAt(0);
    }

    Kind next() {
        start = pos;
        unterminatedQuote = false;
        if (pos >= length) {
            end = pos;
            return Kind.EOF;
        }
        char c = s.charAt(pos);
        if (c == delimiterFirst && startsWith(pos, delimiter)) {
            pos += delimiter.length();
            return done(Kind.DELIMITER);
        }
        if (isSpace(c)) {
            pos++;
            while (pos < length && isSpace(s.charAt(pos))) {
                pos++;
            }
            return done(Kind.SPACE);
        }
        char n = pos + 1 < length ? s.charAt(pos + 1) : '\0';
        if (c == '-' && n == '-' && (!mysql || pos + 2 >= length || s.charAt(pos + 2) <= ' ')) {
            return lineComment();
        }
        if (c == '#' && mysql) {
            return lineComment();
        }
        if (c == '/' && n == '*') {
            return mysql ? mysqlBlockComment() : nestedBlockComment();
        }
        if (c == '\'') {
            pos++;
            return backslashEscapes ? backslashQuoted('\'', Kind.STRING) : doubledQuoted('\'', Kind.STRING);
        }
        if (c == '"') {
            pos++;
            if (!mysql || ansiQuotes) {
                return doubledQuoted('"', Kind.QUOTED_IDENTIFIER);
            }
            return backslashEscapes ? backslashQuoted('"', Kind.STRING) : doubledQuoted('"', Kind.STRING);
        }
        if (c == '`' && mysql) {
            pos++;
            return doubledQuoted('`', Kind.QUOTED_IDENTIFIER);
        }
        if (c == '$' && !mysql) {
            Kind k = dollarQuoted();
            if (k != null) {
                return k;
            }
            pos++;
            return done(Kind.PUNCT);
        }
        if (isIdentifierStart(c)) {
            pos++;
            scanIdentifierRest();
            if (!mysql && pos - start == 1 && (c == 'E' || c == 'e') && pos < length && s.charAt(pos) == '\'') {
                pos++;
                return backslashQuoted('\'', Kind.STRING);
            }
            return done(Kind.WORD);
        }
        if (c >= '0' && c <= '9') {
            pos++;
            while (pos < length) {
                char d = s.charAt(pos);
                if (d == delimiterFirst && startsWith(pos, delimiter)) {
                    break;
                }
                if (isIdentifierPart(d) || d == '.') {
                    pos++;
                } else {
                    break;
                }
            }
            return done(Kind.NUMBER);
        }
        pos++;
        return done(Kind.PUNCT);
    }

    private Kind done(Kind k) {
        end = pos;
        return k;
    }

    private void scanIdentifierRest() {
        while (pos < length) {
            char d = s.charAt(pos);
            if (!isIdentifierPart(d) || (d == delimiterFirst && startsWith(pos, delimiter))) {
                return;
            }
            pos++;
        }
    }

    private Kind lineComment() {
        while (pos < length) {
            char d = s.charAt(pos);
            if (d == '\n' || d == '\r') {
                break;
            }
            pos++;
        }
        return done(Kind.LINE_COMMENT);
    }

    /** PostgreSQL block comments nest: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
    private Kind nestedBlockComment() {
        pos += 2;
        int depth = 1;
        unterminatedComment = true;
        while (pos < length) {
            char d = s.charAt(pos);
            if (d == '*' && pos + 1 < length && s.charAt(pos + 1) == '/') {
                pos += 2;
                if (--depth == 0) {
                    unterminatedComment = false;
                    break;
                }
            } else if (d == '/' && pos + 1 < length && s.charAt(pos + 1) == '*') {
                pos += 2;
                depth++;
            } else {
                pos++;
            }
        }
        return done(Kind.BLOCK_COMMENT);
    }

    /** Not nested; {@code /*!…*}{@code /} (MySQL and MariaDB) and {@code /*M!…*}{@code /} (MariaDB) are executed by the server. */
    private Kind mysqlBlockComment() {
        boolean executable = pos + 2 < length && (s.charAt(pos + 2) == '!'
                || (s.charAt(pos + 2) == 'M' && pos + 3 < length && s.charAt(pos + 3) == '!'));
        pos += 2;
        unterminatedComment = false;
        while (pos < length) {
            if (s.charAt(pos) == '*' && pos + 1 < length && s.charAt(pos + 1) == '/') {
                pos += 2;
                return done(executable ? Kind.EXECUTABLE_COMMENT : Kind.BLOCK_COMMENT);
            }
            pos++;
        }
        pos = length;
        unterminatedComment = true;
        return done(executable ? Kind.EXECUTABLE_COMMENT : Kind.BLOCK_COMMENT);
    }

    /** Body of a quoted token whose only escape is a doubled quote character; {@code pos} is past the opener. */
    private Kind doubledQuoted(char quote, Kind kind) {
        while (pos < length) {
            if (s.charAt(pos++) == quote) {
                if (pos < length && s.charAt(pos) == quote) {
                    pos++;
                } else {
                    return done(kind);
                }
            }
        }
        unterminatedQuote = true;
        return done(kind);
    }

    /** Body of a quoted token where a backslash escapes the next character and a doubled quote stands for one. */
    private Kind backslashQuoted(char quote, Kind kind) {
        while (pos < length) {
            char d = s.charAt(pos++);
            if (d == '\\') {
                if (pos < length) {
                    pos++;
                }
            } else if (d == quote) {
                if (pos < length && s.charAt(pos) == quote) {
                    pos++;
                } else {
                    return done(kind);
                }
            }
        }
        unterminatedQuote = true;
        return done(kind);
    }

    /**
     * {@code $$...$$} or {@code $tag$...$tag$}; returns null (consuming nothing) when the
     * {@code $} does not open a dollar quote, e.g. a parameter {@code $1}.
     */
    private Kind dollarQuoted() {
        int p = pos + 1;
        if (p < length && s.charAt(p) != '$') {
            if (!isIdentifierStart(s.charAt(p))) {
                return null;
            }
            p++;
            while (p < length && isIdentifierPart(s.charAt(p)) && s.charAt(p) != '$') {
                p++;
            }
        }
        if (p >= length || s.charAt(p) != '$') {
            return null;
        }
        int tagLength = p + 1 - pos;
        int bodyStart = p + 1;
        int close = indexOf(s, start, tagLength, bodyStart);
        pos = close < 0 ? length : close + tagLength;
        unterminatedQuote = close < 0;
        return done(Kind.STRING);
    }

    /** Finds the next occurrence of {@code s[tagStart, tagStart+tagLength)} at or after {@code from}. */
    private int indexOf(CharSequence text, int tagStart, int tagLength, int from) {
        int last = length - tagLength;
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) == '$' && regionEquals(i, tagStart, tagLength)) {
                return i;
            }
        }
        return -1;
    }

    private boolean regionEquals(int a, int b, int len) {
        for (int k = 0; k < len; k++) {
            if (s.charAt(a + k) != s.charAt(b + k)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int at, String what) {
        int n = what.length();
        if (at + n > length) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (s.charAt(at + k) != what.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current token is the unquoted word {@code upper} (ASCII, case-insensitive). */
    boolean isWord(String upper) {
        return wordEquals(s, start, end, upper);
    }

    static boolean wordEquals(CharSequence s, int start, int end, String upper) {
        int n = upper.length();
        if (end - start != n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = s.charAt(start + k);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            if (c != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == '\uFEFF'
                || (c > 0x7F && Character.isWhitespace(c));
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 0x7F && !isSpace(c));
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }
}
