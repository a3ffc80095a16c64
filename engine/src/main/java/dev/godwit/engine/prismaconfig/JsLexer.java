package dev.godwit.engine.prismaconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a JavaScript or TypeScript config file into tokens: enough of the language to read
 * the object a Prisma config exports (identifiers, string and template literals, numbers, punctuation),
 * skipping comments. Nothing is run. A template literal becomes one token whose {@code ${…}} parts keep
 * their place in the text, so they can be read as expressions with their own line:column.
 */
final class JsLexer {
    enum Kind { IDENT, STRING, TEMPLATE, NUMBER, PUNCT, EOF }

    /** A template's literal chunks and, between them, the text ranges [start, end) of its expressions. */
    record Template(List<String> chunks, List<int[]> expressions) {
    }

    /** One token; {@code newlineBefore} says whether a line break separates it from the previous token. */
    record Token(Kind kind, String text, String value, Template template, int offset, boolean newlineBefore) {
        boolean is(String punctOrWord) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
        }
    }

    private static final String[] PUNCTS = {"...", "===", "!==", "**=", "??=", "||=", "&&=", "?.", "??", "||", "&&", "=>",
            "==", "!=", "<=", ">=", "++", "--", "+=", "-=", "*=", "/="};

    private final String src;
    private int pos;

    private JsLexer(String src, int start) {
        this.src = src;
        this.pos = start;
    }

    /** The tokens of {@code src} between {@code start} and {@code end}, ending with an EOF token at {@code end}. */
    static List<Token> tokens(String src, int start, int end) {
        return new JsLexer(src, start).run(end);
    }

    private List<Token> run(int end) {
        List<Token> out = new ArrayList<>();
        boolean newline = false;
        while (true) {
            newline |= skipBlanksAndComments(end);
            if (pos >= end) {
                out.add(new Token(Kind.EOF, "", null, null, end, true));
                return out;
            }
            out.add(next(end, newline));
            newline = false;
        }
    }

    private Token next(int end, boolean newline) {
        int start = pos;
        char c = src.charAt(pos);
        if (Character.isJavaIdentifierStart(c)) {
            while (pos < end && Character.isJavaIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, src.substring(start, pos), null, null, start, newline);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < end && Character.isDigit(src.charAt(pos + 1)))) {
            while (pos < end && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.NUMBER, src.substring(start, pos), null, null, start, newline);
        }
        if (c == '"' || c == '\'') {
            String value = quoted(c, end);
            return new Token(Kind.STRING, src.substring(start, pos), value, null, start, newline);
        }
        if (c == '`') {
            Template t = template(end);
            return new Token(Kind.TEMPLATE, src.substring(start, pos), null, t, start, newline);
        }
        for (String p : PUNCTS) {
            if (src.startsWith(p, pos) && pos + p.length() <= end) {
                pos += p.length();
                return new Token(Kind.PUNCT, p, null, null, start, newline);
            }
        }
        pos++;
        return new Token(Kind.PUNCT, String.valueOf(c), null, null, start, newline);
    }

    /** Skips white space and comments; true when a line break was among them. */
    private boolean skipBlanksAndComments(int end) {
        boolean newline = false;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\n') {
                newline = true;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos) || (pos == 0 && src.startsWith("#!", pos))) {
                while (pos < end && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int close = src.indexOf("*/", pos + 2);
                int stop = close < 0 || close + 2 > end ? end : close + 2;
                newline |= src.substring(pos, stop).indexOf('\n') >= 0;
                pos = stop;
            } else {
                break;
            }
        }
        return newline;
    }

    private String quoted(char quote, int end) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < end && src.charAt(pos) != quote && src.charAt(pos) != '\n') {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < end) {
                escape(sb, end);
            } else {
                sb.append(c);
            }
        }
        if (pos < end && src.charAt(pos) == quote) {
            pos++;
        }
        return sb.toString();
    }

    private Template template(int end) {
        List<String> chunks = new ArrayList<>();
        List<int[]> exprs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < end && src.charAt(pos) != '`') {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < end) {
                escape(sb, end);
            } else if (c == '$' && pos < end && src.charAt(pos) == '{') {
                pos++;
                int exprStart = pos;
                skipBalanced(end);
                exprs.add(new int[]{exprStart, Math.max(exprStart, pos - 1)});
                chunks.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (pos < end) {
            pos++;
        }
        chunks.add(sb.toString());
        return new Template(chunks, exprs);
    }

    /** Moves past the '}' that closes a template's {@code ${}, minding nested braces, strings and templates. */
    private void skipBalanced(int end) {
        int depth = 0;
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '"' || c == '\'') {
                quoted(c, end);
            } else if (c == '`') {
                template(end);
            } else {
                pos++;
                if (c == '{') {
                    depth++;
                } else if (c == '}' && depth-- == 0) {
                    return;
                }
            }
        }
    }

    private void escape(StringBuilder sb, int end) {
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '0' -> sb.append('\0');
            case '\n' -> { }
            case 'u' -> {
                int close = src.startsWith("{", pos) ? src.indexOf('}', pos) : pos + 4;
                String hex = src.startsWith("{", pos) ? src.substring(pos + 1, Math.max(pos + 1, close)) : src.substring(pos, Math.min(end, close));
                try {
                    sb.appendCodePoint(Integer.parseInt(hex, 16));
                } catch (IllegalArgumentException ex) {
                    sb.append('u').append(hex);
                }
                pos = src.startsWith("{", pos) ? close + 1 : Math.min(end, close);
            }
            default -> sb.append(e);
        }
    }
}
