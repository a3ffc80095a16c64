package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.migrate.sql.SqlLexer.Kind;
import dev.godwit.engine.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a migration script into the statements a database will accept one at a time.
 *
 * <p><b>PostgreSQL.</b> Statements end at {@code ;} outside quoted text and comments:
 * {@code '...'} (with {@code ''}), {@code E'...'} (with backslash escapes), {@code "..."}
 * identifiers, dollar quotes {@code $$...$$} / {@code $tag$...$tag$}, {@code --} line
 * comments and nested {@code /* *}{@code /} comments. The body of an SQL-standard routine,
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END}, is kept whole;
 * inside it {@code CASE ... END} pairs are counted so that only the closing {@code END} ends
 * the body.
 *
 * <p><b>MySQL / MariaDB.</b> Statements end at the current delimiter outside {@code '...'} and
 * {@code "..."} strings (backslash escapes and doubled quotes), {@code `...`} identifiers,
 * {@code -- } comments (a space or control character must follow the dashes, so {@code --x}
 * is not a comment), {@code #} comments and {@code /* *}{@code /} comments. Executable comments
 * {@code /*! ... *}{@code /} belong to the statement and are kept. A line that starts with the
 * client command {@code DELIMITER xx} (outside parentheses) ends any pending statement,
 * switches the delimiter to {@code xx} and is not itself emitted. While the delimiter is
 * {@code ;}, the compound body of {@code CREATE ... PROCEDURE|FUNCTION|TRIGGER|EVENT} (and of
 * MariaDB's {@code BEGIN NOT ATOMIC}) is kept whole by counting {@code BEGIN}/{@code CASE}
 * against {@code END}, as the server itself would parse a whole script sent at once.
 *
 * <p><b>Always.</b> Statements that hold only white space and comments are dropped; the last
 * statement needs no delimiter. Nothing here throws on malformed input: an unterminated quote
 * or block comment runs to the end of the script and what is left becomes the last statement
 * (an unclosed comment is kept as statement text, never silently dropped, so the server can
 * report it). If a
 * routine body is still open at the end of the script (a miscounted {@code END}), that
 * statement and the rest of the script are split again without body tracking rather than
 * swallowing everything. Work is linear in the script's length and uses no recursion.
 */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    public static List<SqlStatement> split(String script, Provider provider) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(provider, "provider");
        return new Run(script, provider, new SqlLexer(script, provider)).run();
    }

    /** As {@link #split(String, Provider)}, for one reading of the server's quoting settings (see {@link SqlLexer}). */
    static List<SqlStatement> split(String script, Provider provider, boolean backslashEscapes, boolean ansiQuotes) {
        return new Run(script, provider, new SqlLexer(script, provider, backslashEscapes, ansiQuotes)).run();
    }

    /**
     * Where the first statement that starts at {@code from} ends: the index just past its
     * delimiter, or -1 when the text ends before one (inside the statement, a quote, a
     * dollar-quoted body or a comment). For interactive input, to tell whether the user
     * has finished typing a statement.
     */
    public static int statementEnd(CharSequence text, int from, Provider provider) {
        Objects.requireNonNull(text, "text");
        SqlLexer lx = new SqlLexer(text, provider);
        lx.reset(from);
        while (true) {
            SqlLexer.Kind k = lx.next();
            if (k == SqlLexer.Kind.EOF) {
                return -1;
            }
            if (k == SqlLexer.Kind.DELIMITER) {
                return lx.end;
            }
        }
    }

    /**
     * Whether the text ends with a finished statement: its last delimiter is outside any
     * quote or comment, and nothing but white space and closed comments follows it.
     */
    public static boolean endsWithCompleteStatement(CharSequence text, Provider provider) {
        Objects.requireNonNull(text, "text");
        SqlLexer lx = new SqlLexer(text, provider);
        SqlLexer.Kind last = null;
        while (true) {
            SqlLexer.Kind k = lx.next();
            if (k == SqlLexer.Kind.EOF) {
                break;
            }
            if (k.significant()) {
                last = k;
            }
        }
        return last == SqlLexer.Kind.DELIMITER && !lx.unterminatedComment;
    }

    private static final class Run {
        private static final int HEAD = 16;

        private final String s;
        private final boolean mysql;
        private final SqlLexer lx;
        private final List<SqlStatement> out = new ArrayList<>();

        // Line bookkeeping; only ever moves forward.
        private int cursor;
        private int line = 1;
        private int lineStart;

        // The statement being collected.
        private int stmtStart = -1;
        private int stmtEnd = -1;
        private int parenDepth;
        private int blockDepth;
        private boolean pendingEnd;
        private boolean blocksEnabled = true;
        private final Kind[] headKinds = new Kind[HEAD];
        private final int[] headStarts = new int[HEAD];
        private final int[] headEnds = new int[HEAD];
        private int headCount;
        private Kind prevKind;
        private int prevStart;
        private int prevEnd;

        Run(String script, Provider provider, SqlLexer lexer) {
            this.s = script;
            this.mysql = SqlGrammar.of(provider) == SqlGrammar.MYSQL_LIKE;
            this.lx = lexer;
            if (!script.isEmpty() && script.charAt(0) == '\uFEFF') {
                lineStart = 1; // a byte order mark is not a column
            }
        }

        List<SqlStatement> run() {
            while (true) {
                Kind k = lx.next();
                if (k == Kind.EOF) {
                    if (pendingEnd) {
                        pendingEnd = false;
                        blockDepth--;
                    }
                    if (blockDepth > 0 && stmtStart >= 0) {
                        // A body never closed: do not let it swallow the rest of the script.
                        int from = stmtStart;
                        resetStatement();
                        blocksEnabled = false;
                        lx.reset(from);
                        continue;
                    }
                    finish();
                    return out;
                }
                if (!k.significant() && !(k == Kind.BLOCK_COMMENT && lx.unterminatedComment)) {
                    continue; // an unclosed comment is kept so that the server reports it
                }
                if (pendingEnd) {
                    pendingEnd = false;
                    if (k == Kind.WORD && (lx.isWord("IF") || lx.isWord("LOOP") || lx.isWord("WHILE")
                            || lx.isWord("REPEAT"))) {
                        note(k); // END IF and friends close blocks that were never counted
                        continue;
                    }
                    blockDepth--;
                    if (k == Kind.WORD && lx.isWord("CASE")) {
                        note(k); // END CASE closes a CASE statement
                        continue;
                    }
                }
                if (k == Kind.DELIMITER) {
                    if (blockDepth > 0) {
                        note(k);
                    } else {
                        finish();
                    }
                    continue;
                }
                if (mysql && k == Kind.WORD && parenDepth == 0 && blockDepth == 0 && lx.isWord("DELIMITER")
                        && delimiterCommand()) {
                    continue;
                }
                if (k == Kind.PUNCT) {
                    char c = s.charAt(lx.start);
                    if (c == '(') {
                        parenDepth++;
                    } else if (c == ')' && parenDepth > 0) {
                        parenDepth--;
                    }
                } else if (k == Kind.WORD && blocksEnabled) {
                    if (mysql) {
                        trackMysqlBlocks();
                    } else {
                        trackPostgresBlocks();
                    }
                }
                note(k);
            }
        }

        private void note(Kind k) {
            if (stmtStart < 0) {
                stmtStart = lx.start;
            }
            stmtEnd = lx.end;
            if (headCount < HEAD) {
                headKinds[headCount] = k;
                headStarts[headCount] = lx.start;
                headEnds[headCount] = lx.end;
                headCount++;
            }
            prevKind = k;
            prevStart = lx.start;
            prevEnd = lx.end;
        }

        private void finish() {
            if (stmtStart >= 0) {
                advanceTo(stmtStart);
                String text = s.substring(stmtStart, stmtEnd).stripTrailing();
                out.add(new SqlStatement(out.size() + 1, text, line, stmtStart - lineStart + 1));
            }
            resetStatement();
        }

        private void resetStatement() {
            stmtStart = -1;
            stmtEnd = -1;
            parenDepth = 0;
            blockDepth = 0;
            pendingEnd = false;
            headCount = 0;
            prevKind = null;
        }

        private void advanceTo(int offset) {
            for (; cursor < offset; cursor++) {
                char c = s.charAt(cursor);
                if (c == '\n' || (c == '\r' && (cursor + 1 >= s.length() || s.charAt(cursor + 1) != '\n'))) {
                    line++;
                    lineStart = cursor + 1;
                }
            }
        }

        /** PostgreSQL: {@code BEGIN ATOMIC} opens a routine body; inside, CASE and END pair up. */
        private void trackPostgresBlocks() {
            if (blockDepth == 0) {
                if (lx.isWord("ATOMIC") && prevKind == Kind.WORD
                        && SqlLexer.wordEquals(s, prevStart, prevEnd, "BEGIN") && isPostgresRoutine()) {
                    blockDepth = 1;
                }
            } else if (lx.isWord("CASE")) {
                blockDepth++;
            } else if (lx.isWord("END")) {
                blockDepth--;
            }
        }

        /** MySQL: BEGIN ... END compound bodies of stored programs, with CASE and END X inside. */
        private void trackMysqlBlocks() {
            if (!";".equals(lx.delimiter())) {
                return; // the script manages its own delimiter; trust it
            }
            if (blockDepth == 0) {
                if (lx.isWord("BEGIN") && isMysqlStoredProgram()) {
                    blockDepth = 1;
                } else if (lx.isWord("ATOMIC") && headCount == 2 && headIs(0, "BEGIN") && headIs(1, "NOT")) {
                    blockDepth = 1;
                }
            } else if (lx.isWord("BEGIN") || lx.isWord("CASE")) {
                blockDepth++;
            } else if (lx.isWord("END")) {
                pendingEnd = true; // what follows decides: END IF / END LOOP ... do not close a counted block
            }
        }

        private boolean isPostgresRoutine() {
            int i = 0;
            if (!headIs(i++, "CREATE")) {
                return false;
            }
            if (headIs(i, "OR") && headIs(i + 1, "REPLACE")) {
                i += 2;
            }
            return headIs(i, "FUNCTION") || headIs(i, "PROCEDURE");
        }

        /** {@code CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT}. */
        private boolean isMysqlStoredProgram() {
            int i = 0;
            if (!headIs(i++, "CREATE")) {
                return false;
            }
            if (headIs(i, "OR") && headIs(i + 1, "REPLACE")) {
                i += 2;
            }
            if (headIs(i, "DEFINER")) {
                i++;
                if (!headPunct(i++, '=')) {
                    return false;
                }
                i++; // user name
                if (headPunct(i, '@')) {
                    i += 2; // host
                }
                if (headPunct(i, '(') && headPunct(i + 1, ')')) {
                    i += 2; // CURRENT_USER()
                }
            }
            if (headIs(i, "AGGREGATE")) {
                i++;
            }
            return headIs(i, "PROCEDURE") || headIs(i, "FUNCTION") || headIs(i, "TRIGGER") || headIs(i, "EVENT");
        }

        private boolean headIs(int i, String upperWord) {
            return i < headCount && headKinds[i] == Kind.WORD
                    && SqlLexer.wordEquals(s, headStarts[i], headEnds[i], upperWord);
        }

        private boolean headPunct(int i, char c) {
            return i < headCount && headKinds[i] == Kind.PUNCT && s.charAt(headStarts[i]) == c;
        }

        /**
         * The current token is the word DELIMITER. If it opens a line and is followed by an
         * argument, apply the client command and skip its line; otherwise it is an ordinary word.
         */
        private boolean delimiterCommand() {
            int b = lx.start - 1;
            while (b >= 0 && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
                b--;
            }
            if (b >= 0 && s.charAt(b) != '\n' && s.charAt(b) != '\r' && !(b == 0 && s.charAt(0) == '\uFEFF')) {
                return false;
            }
            int p = lx.end;
            int n = s.length();
            if (p >= n || (s.charAt(p) != ' ' && s.charAt(p) != '\t')) {
                return false;
            }
            while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p++;
            }
            int argStart = p;
            while (p < n && !SqlLexer.isSpace(s.charAt(p))) {
                p++;
            }
            if (p == argStart) {
                return false;
            }
            String newDelimiter = s.substring(argStart, p);
            while (p < n && s.charAt(p) != '\n' && s.charAt(p) != '\r') {
                p++; // the rest of the command line is ignored
            }
            finish();
            lx.setDelimiter(newDelimiter);
            lx.reset(p);
            return true;
        }
    }
}
