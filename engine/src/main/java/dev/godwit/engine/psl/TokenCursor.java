package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import dev.godwit.engine.psl.Token.Kind;

import java.util.List;

/**
 * A position in a token list with the moves the parser needs. Every read of the current token is
 * counted against a budget linear in the input, so no parser bug can turn into a hang.
 */
abstract class TokenCursor {
    /** Thrown inside the parser to abandon the current line; never escapes. */
    static final class LineError extends RuntimeException {
        LineError() {
            super(null, null, false, false);
        }
    }

    static final int MAX_DEPTH = 64;

    final List<Token> tokens;
    final List<PslError> errors;
    private final long budget;
    long steps;
    int pos;
    int depth;

    TokenCursor(List<Token> tokens, List<PslError> errors) {
        this.tokens = tokens;
        this.errors = errors;
        this.budget = 64L * tokens.size() + 1024;
    }

    /** Raised when the step budget is spent: a guard against a parser bug turning into a hang. */
    static final class OutOfSteps extends RuntimeException {
        OutOfSteps() {
            super(null, null, false, false);
        }
    }

    Span peekSpan() {
        return tokens.get(Math.min(pos, tokens.size() - 1)).span();
    }

    Token peek() {
        if (++steps > budget) {
            throw new OutOfSteps();
        }
        return tokens.get(pos);
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean at(Kind k) {
        return peek().kind() == k;
    }

    Token expect(Kind k, String what) {
        if (!at(k)) {
            fail("Expected " + what + ", but found " + describe(peek()) + ".", peek().span());
        }
        return next();
    }

    void fail(String message, Span span) {
        errors.add(new PslError(message, span));
        throw new LineError();
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "the end of the file";
            case NEWLINE -> "the end of the line";
            case STRING -> "a string";
            case DOC -> "a comment";
            default -> "`" + t.text() + "`";
        };
    }

    void skipNewlines() {
        while (at(Kind.NEWLINE)) {
            next();
        }
    }

    void skipLine() {
        while (!at(Kind.NEWLINE) && !at(Kind.EOF)) {
            next();
        }
    }

    String docs() {
        StringBuilder sb = null;
        while (at(Kind.DOC) || at(Kind.NEWLINE)) {
            Token t = next();
            if (t.is(Kind.DOC)) {
                sb = sb == null ? new StringBuilder(t.text()) : sb.append('\n').append(t.text());
            }
        }
        return sb == null ? null : sb.toString();
    }

}
