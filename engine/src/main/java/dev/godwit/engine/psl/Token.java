package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

/** One token of a schema file; {@code text} is the source text (for strings: the unescaped value). */
record Token(Kind kind, String text, Span span) {
    enum Kind {
        IDENT, STRING, NUMBER, LBRACE, RBRACE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, COLON, EQUALS,
        QUESTION, AT, ATAT, DOT, NEWLINE, DOC, BAD, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isIdent(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }
}
