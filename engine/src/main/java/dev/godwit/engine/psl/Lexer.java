package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import dev.godwit.engine.psl.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits schema text into tokens. Plain {@code //} and block comments are dropped, {@code ///} doc comments
 * are kept as DOC tokens; line ends are tokens because they end fields. Never fails: a character
 * it does not know becomes a BAD token and an error.
 */
final class Lexer {
    private final String src;
    private final List<PslError> errors;
    private final List<Token> out = new ArrayList<>();
    private int pos;

    private Lexer(String src, List<PslError> errors) {
        this.src = src;
        this.errors = errors;
    }

    static List<Token> tokens(String src, List<PslError> errors) {
        return new Lexer(src, errors).run();
    }

    private List<Token> run() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            int start = pos;
            if (c == '\n') {
                pos++;
                add(Kind.NEWLINE, "\n", start);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                boolean doc = peek(2) == '/';
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
                if (doc) {
                    out.add(new Token(Kind.DOC, src.substring(start + 3, pos).strip(), new Span(start, pos)));
                }
            } else if (c == '/' && peek(1) == '*') {
                blockComment(start);
            } else if (c == '"') {
                string();
            } else if (Character.isLetter(c) || c == '_') {
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '-')) {
                    pos++;
                }
                add(Kind.IDENT, src.substring(start, pos), start);
            } else if (Character.isDigit(c) || (c == '-' && Character.isDigit(peek(1)))) {
                pos++;
                // digits with an optional fraction: the schema language has no exponents, so "1e3" is a number and a name
                while (pos < n && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
                if (pos + 1 < n && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
                    pos++;
                    while (pos < n && Character.isDigit(src.charAt(pos))) {
                        pos++;
                    }
                }
                add(Kind.NUMBER, src.substring(start, pos), start);
            } else if (c == '@') {
                pos += peek(1) == '@' ? 2 : 1;
                add(pos - start == 2 ? Kind.ATAT : Kind.AT, src.substring(start, pos), start);
            } else {
                Kind k = switch (c) {
                    case '{' -> Kind.LBRACE;
                    case '}' -> Kind.RBRACE;
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case '[' -> Kind.LBRACKET;
                    case ']' -> Kind.RBRACKET;
                    case ',' -> Kind.COMMA;
                    case ':' -> Kind.COLON;
                    case '=' -> Kind.EQUALS;
                    case '?' -> Kind.QUESTION;
                    case '.' -> Kind.DOT;
                    default -> Kind.BAD;
                };
                pos += Character.charCount(src.codePointAt(pos));
                if (k == Kind.BAD) {
                    errors.add(new PslError("Unexpected character `" + src.substring(start, pos) + "`.", new Span(start, pos)));
                }
                add(k, src.substring(start, pos), start);
            }
        }
        out.add(new Token(Kind.EOF, "", new Span(n, n)));
        return out;
    }

    private char peek(int ahead) {
        return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0';
    }

    private void add(Kind kind, String text, int start) {
        out.add(new Token(kind, text, new Span(start, pos)));
    }

    /** A {@code /* … *}{@code /} comment is dropped; one that spans lines still ends the line it starts on. */
    private void blockComment(int start) {
        int end = src.indexOf("*/", start + 2);
        if (end < 0) {
            errors.add(new PslError("This comment is not closed: a `*/` is missing.", new Span(start, start + 2)));
            pos = src.length();
            return;
        }
        pos = end + 2;
        int newline = src.indexOf('\n', start);
        if (newline >= 0 && newline < end) {
            out.add(new Token(Kind.NEWLINE, "\n", new Span(newline, newline + 1)));
        }
    }

    private void string() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        int n = src.length();
        while (true) {
            if (pos >= n || src.charAt(pos) == '\n') {
                errors.add(new PslError("This string is not closed: a `\"` is missing.", new Span(start, pos)));
                break;
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < n && src.charAt(pos) != '\n') {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'u' -> {
                        if (pos + 4 <= n && src.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                            sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                            pos += 4;
                        } else {
                            errors.add(new PslError("Invalid unicode escape in string.", new Span(pos - 2, pos)));
                        }
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        out.add(new Token(Kind.STRING, sb.toString(), new Span(start, pos)));
    }
}
