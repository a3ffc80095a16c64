package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.prismaconfig.JsLexer.Kind;
import dev.godwit.engine.prismaconfig.JsLexer.Token;
import dev.godwit.engine.prismaconfig.JsNode.Opaque;

import java.util.List;
import java.util.Set;

/**
 * The parser's position in its tokens, and the ways it skips what a config file may hold but godwit does not
 * read (types, balanced brackets, whole statements), so the parser itself is only about what it does read.
 */
abstract class JsTokenCursor {
    static final Set<String> STATEMENT_WORDS = Set.of("import", "export", "const", "let", "var", "function",
            "class", "type", "interface", "module", "async", "if", "for", "while", "declare", "enum");
    static final Set<String> CLOSERS = Set.of(",", ")", "]", "}", ";");

    final List<Token> tokens;
    int i;

    JsTokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Whether the '(' here opens an arrow function's parameters. */
    final boolean arrowAhead() {
        int depth = 0;
        for (int k = i; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                Token after = k + 1 < tokens.size() ? tokens.get(k + 1) : t;
                return after.is("=>") || after.is(":");
            } else if (t.kind() == Kind.EOF) {
                return false;
            }
        }
        return false;
    }

    /** Skips an expression godwit does not read, up to the ',' ')' ']' '}' or ';' that ends it. */
    final JsNode skipOpaque(String what) {
        int at = peek().offset();
        skipToCloser();
        return new Opaque(at, what);
    }

    final void skipToCloser() {
        int depth = 0;
        int start = i;
        while (peek().kind() != Kind.EOF) {
            Token t = peek();
            if (depth == 0 && (CLOSERS.contains(t.text()) && t.kind() == Kind.PUNCT)) {
                if (i == start && !t.is(";")) {
                    i++;
                }
                return;
            }
            if (depth == 0 && i > start && t.newlineBefore() && t.kind() == Kind.IDENT && STATEMENT_WORDS.contains(t.text())) {
                return;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            i++;
        }
    }

    final void skipStatement() {
        skipToCloser();
        while (peek().kind() != Kind.EOF && !peek().is(";") && !(peek().newlineBefore() && peek().kind() == Kind.IDENT
                && STATEMENT_WORDS.contains(peek().text()))) {
            i++;
            skipToCloser();
        }
    }

    /** Skips a TypeScript type: names, generics, unions, object and tuple types, up to what follows it. */
    final void skipType() {
        int depth = 0;
        Token prev = null;
        while (peek().kind() != Kind.EOF) {
            Token t = peek();
            if (depth == 0) {
                if (t.kind() == Kind.PUNCT && (t.is("=") || CLOSERS.contains(t.text()))) {
                    return;
                }
                boolean continues = prev == null || prev.is("|") || prev.is("&") || prev.is(".") || prev.is("<")
                        || prev.is(",") || prev.is(":") || prev.is("=>") || prev.is("keyof") || prev.is("typeof");
                if (t.newlineBefore() && !continues && !t.is("|") && !t.is("&") && !t.is(".")) {
                    return;
                }
            }
            if (t.is("<") || t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(">") || t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            prev = t;
            i++;
        }
    }

    final void skipBalanced(String open, String close) {
        int depth = 0;
        while (peek().kind() != Kind.EOF) {
            Token t = next();
            if (t.is(open)) {
                depth++;
            } else if (t.is(close) && --depth == 0) {
                return;
            }
        }
    }

    final void expect(String punct) {
        if (peek().is(punct)) {
            i++;
        }
    }

    final Token peek() {
        return peek(0);
    }

    final Token peek(int ahead) {
        return tokens.get(Math.min(i + ahead, tokens.size() - 1));
    }

    final Token next() {
        Token t = peek();
        if (i < tokens.size() - 1) {
            i++;
        }
        return t;
    }
}
