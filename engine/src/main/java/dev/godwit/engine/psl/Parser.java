package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import dev.godwit.engine.psl.Token.Kind;
import dev.godwit.engine.psl.ast.Arg;
import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Expr;
import dev.godwit.engine.psl.ast.Field;
import dev.godwit.engine.psl.ast.SchemaFile;
import dev.godwit.engine.psl.ast.TypeRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the Prisma schema language. It never stops at the first error:
 * a bad line is reported and skipped, and parsing goes on with the next line. Every loop consumes
 * at least one token per turn, so it always ends.
 */
final class Parser extends TokenCursor {
    /** Steps taken by the last parse on this thread (for tests: the parser's work is linear in its input). */
    static final ThreadLocal<Long> LAST_STEPS = ThreadLocal.withInitial(() -> 0L);

    private Parser(List<Token> tokens, List<PslError> errors) {
        super(tokens, errors);
        this.closing = new int[tokens.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(Kind.LBRACE)) {
                open.push(i);
            } else if (tokens.get(i).is(Kind.RBRACE) && !open.isEmpty()) {
                closing[open.pop()] = i;
            }
        }
    }

    /** For each {@code {} token, the index of its matching {@code }}, else 0. */
    private final int[] closing;

    static SchemaFile parse(String fileName, String text, List<PslError> errors) {
        List<Token> tokens = Lexer.tokens(text, errors);
        Parser p = new Parser(tokens, errors);
        List<Block> blocks;
        try {
            blocks = p.schema();
        } catch (OutOfSteps e) {
            errors.add(new PslError("The schema is too complex to read (parser step limit reached).", p.peekSpan()));
            blocks = List.of();
        }
        LAST_STEPS.set(p.steps);
        return new SchemaFile(fileName, text, blocks);
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("model", "enum", "datasource", "generator", "view", "type");

    private List<Block> schema() {
        List<Block> blocks = new ArrayList<>();
        while (true) {
            String doc = docs();
            if (at(Kind.EOF)) {
                return blocks;
            }
            int start = pos;
            if (startsBlock()) {
                try {
                    Block b = block(doc);
                    if (b != null) {
                        blocks.add(b);
                    }
                } catch (LineError e) {
                    depth = 0;
                    recoverTopLevel();
                }
            } else {
                // like Prisma: every line outside a complete block is reported on its own
                Token first = peek();
                skipLine();
                errors.add(new PslError("This line is invalid. It does not start with any known Prisma schema keyword.",
                        Span.of(first.span(), tokens.get(Math.max(start, pos - 1)).span())));
            }
            if (pos == start) {
                next();
            }
        }
    }

    /** {@code keyword Name {} with its closing brace somewhere after it. */
    private boolean startsBlock() {
        Token kw = peek();
        if (!kw.is(Kind.IDENT) || !KEYWORDS.contains(kw.text())) {
            return false;
        }
        return tokens.get(pos + 1).is(Kind.IDENT) && tokens.get(pos + 2).is(Kind.LBRACE) && closing[pos + 2] > 0;
    }

    /** After a bad block header: skip to the next line that starts with a keyword at column start. */
    private void recoverTopLevel() {
        int braces = 0;
        while (!at(Kind.EOF)) {
            Token prev = pos == 0 ? null : tokens.get(pos - 1);
            Token t = peek();
            if (braces <= 0 && (prev == null || prev.is(Kind.NEWLINE)) && t.is(Kind.IDENT)
                    && switch (t.text()) { case "model", "enum", "datasource", "generator", "view" -> true; default -> false; }) {
                return;
            }
            next();
            if (t.is(Kind.LBRACE)) {
                braces++;
            } else if (t.is(Kind.RBRACE) && --braces <= 0) {
                return;
            }
        }
    }

    private Block block(String doc) {
        Token kw = peek();
        if (!kw.is(Kind.IDENT)) {
            fail("Expected a block (`model`, `enum`, `datasource` or `generator`), but found " + describe(kw) + ".", kw.span());
        }
        switch (kw.text()) {
            case "model", "enum", "datasource", "generator", "view" -> {
            }
            case "type" -> fail("`" + kw.text() + "` blocks are not supported by godwit.", kw.span());
            default -> fail("This line is not a valid definition: expected `model`, `enum`, `datasource` or `generator`.", kw.span());
        }
        next();
        Token name = expect(Kind.IDENT, "a name after `" + kw.text() + "`");
        expect(Kind.LBRACE, "`{`");
        return switch (kw.text()) {
            case "model" -> model(kw, name, doc);
            case "view" -> new Block.View((Block.Model) model(kw, name, doc));
            case "enum" -> enumBlock(kw, name, doc);
            default -> config(kw, name);
        };
    }

    /** Runs one line of a block; on error skips the rest of the line. Returns false at the closing brace. */
    private interface LineBody {
        void run();
    }

    private Span blockBody(Token kw, LineBody line) {
        while (true) {
            skipNewlines();
            if (at(Kind.RBRACE)) {
                return Span.of(kw.span(), next().span());
            }
            if (at(Kind.EOF)) {
                errors.add(new PslError("This block is not closed: a `}` is missing.", kw.span()));
                return Span.of(kw.span(), peek().span());
            }
            int start = pos;
            try {
                line.run();
                if (!at(Kind.NEWLINE) && !at(Kind.RBRACE) && !at(Kind.EOF) && !at(Kind.DOC)) {
                    fail("Unexpected " + describe(peek()) + ": expected the end of the line.", peek().span());
                }
            } catch (LineError e) {
                depth = 0;
                skipLine();
            }
            if (pos == start) {
                next();
            }
        }
    }

    private Block config(Token kw, Token name) {
        List<Block.Setting> settings = new ArrayList<>();
        Span span = blockBody(kw, () -> {
            if (at(Kind.DOC)) {
                next();
                return;
            }
            Token key = expect(Kind.IDENT, "a setting name");
            expect(Kind.EQUALS, "`=`");
            settings.add(new Block.Setting(key.text(), key.span(), expr()));
        });
        return new Block.Config(kw.text(), name.text(), name.span(), settings, span);
    }

    private Block model(Token kw, Token name, String doc) {
        List<Field> fields = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        String[] pendingDoc = {null};
        Span span = blockBody(kw, () -> {
            if (at(Kind.DOC)) {
                pendingDoc[0] = docs();
                if (at(Kind.RBRACE) || at(Kind.EOF)) {
                    return;
                }
            }
            if (at(Kind.ATAT)) {
                attributes.add(attribute(next()));
                return;
            }
            Token fieldName = expect(Kind.IDENT, "a field name");
            if (at(Kind.NEWLINE) || at(Kind.RBRACE) || at(Kind.EOF)) {
                fail("This field declaration is invalid. It is either missing a name or a type.", fieldName.span());
            }
            TypeRef type = type();
            List<Attribute> attrs = new ArrayList<>();
            while (at(Kind.AT)) {
                attrs.add(attribute(next()));
            }
            Span fieldSpan = new Span(fieldName.span().start(), tokens.get(pos - 1).span().end());
            fields.add(new Field(fieldName.text(), fieldName.span(), type, attrs, pendingDoc[0], fieldSpan));
            pendingDoc[0] = null;
        });
        return new Block.Model(name.text(), name.span(), fields, attributes, doc, span);
    }

    private Block enumBlock(Token kw, Token name, String doc) {
        List<Block.EnumValue> values = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        String[] pendingDoc = {null};
        Span span = blockBody(kw, () -> {
            if (at(Kind.DOC)) {
                pendingDoc[0] = docs();
                if (at(Kind.RBRACE) || at(Kind.EOF)) {
                    return;
                }
            }
            if (at(Kind.ATAT)) {
                attributes.add(attribute(next()));
                return;
            }
            Token value = expect(Kind.IDENT, "an enum value");
            List<Attribute> attrs = new ArrayList<>();
            while (at(Kind.AT)) {
                attrs.add(attribute(next()));
            }
            values.add(new Block.EnumValue(value.text(), value.span(), attrs, pendingDoc[0]));
            pendingDoc[0] = null;
        });
        return new Block.Enum(name.text(), name.span(), values, attributes, doc, span);
    }

    private TypeRef type() {
        Token name = expect(Kind.IDENT, "a type");
        String unsupported = null;
        Span end = name.span();
        if (name.text().equals("Unsupported")) {
            expect(Kind.LPAREN, "`(` after Unsupported");
            unsupported = expect(Kind.STRING, "the database type as a string").text();
            end = expect(Kind.RPAREN, "`)`").span();
        }
        TypeRef.Arity arity = TypeRef.Arity.REQUIRED;
        if (at(Kind.QUESTION)) {
            end = next().span();
            arity = TypeRef.Arity.OPTIONAL;
        } else if (at(Kind.LBRACKET)) {
            next();
            end = expect(Kind.RBRACKET, "`]`").span();
            arity = TypeRef.Arity.LIST;
            if (at(Kind.QUESTION)) {
                fail("Optional lists are not supported: use either `Type[]` or `Type?`.", peek().span());
            }
        }
        return new TypeRef(name.text(), arity, unsupported, Span.of(name.span(), end));
    }

    private Attribute attribute(Token at) {
        String name = dottedName("an attribute name after `" + at.text() + "`");
        List<Arg> args = List.of();
        Span end = tokens.get(pos - 1).span();
        if (at(Kind.LPAREN)) {
            next();
            args = args(Kind.RPAREN);
            end = tokens.get(pos - 1).span();
        }
        return new Attribute(name, fieldLists(at.kind() == Kind.ATAT, name, args), Span.of(at.span(), end));
    }

    private static final java.util.Set<String> KEY_ATTRIBUTES = java.util.Set.of("id", "unique", "index", "fulltext");

    /**
     * Prisma takes a single field where a list of fields goes ({@code @@index(orgId)},
     * {@code @relation(fields: userId, references: id)}): it becomes a list of one.
     */
    private static List<Arg> fieldLists(boolean onBlock, String name, List<Arg> args) {
        boolean keys = onBlock && KEY_ATTRIBUTES.contains(name);
        boolean relation = !onBlock && name.equals("relation");
        if (!keys && !relation) {
            return args;
        }
        List<Arg> out = new ArrayList<>(args.size());
        boolean firstPositional = true;
        for (Arg a : args) {
            boolean list = keys ? "fields".equals(a.name()) || (a.name() == null && firstPositional)
                    : "fields".equals(a.name()) || "references".equals(a.name());
            if (a.name() == null) {
                firstPositional = false;
            }
            out.add(list && (a.value() instanceof Expr.Const || a.value() instanceof Expr.Call)
                    ? new Arg(a.name(), new Expr.Array(List.of(a.value()), a.value().span()), a.span()) : a);
        }
        return out;
    }

    private String dottedName(String what) {
        StringBuilder sb = new StringBuilder(expect(Kind.IDENT, what).text());
        while (at(Kind.DOT)) {
            next();
            sb.append('.').append(expect(Kind.IDENT, "a name after `.`").text());
        }
        return sb.toString();
    }

    /** Arguments up to and including the closing token; newlines are allowed inside lists only. */
    private List<Arg> args(Kind close) {
        if (++depth > MAX_DEPTH) {
            fail("Too deeply nested.", peek().span());
        }
        boolean multiline = close == Kind.RBRACKET;
        List<Arg> args = new ArrayList<>();
        if (multiline) {
            skipNewlines();
        }
        if (at(close)) {
            next();
            depth--;
            return args;
        }
        while (true) {
            if (multiline) {
                skipNewlines();
            }
            Token first = peek();
            String name = null;
            if (first.is(Kind.IDENT) && tokens.get(pos + 1).is(Kind.COLON)) {
                name = next().text();
                next();
            }
            Expr value = expr();
            args.add(new Arg(name, value, Span.of(first.span(), value.span())));
            if (multiline) {
                skipNewlines();
            }
            if (at(Kind.COMMA)) {
                next();
                if (multiline) {
                    skipNewlines();
                }
                if (at(close)) {
                    next();
                    depth--;
                    return args;
                }
                continue;
            }
            expect(close, close == Kind.RPAREN ? "`,` or `)`" : "`,` or `]`");
            depth--;
            return args;
        }
    }

    private Expr expr() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new Expr.Str(t.text(), t.span());
            }
            case NUMBER -> {
                next();
                return new Expr.Num(t.text(), t.span());
            }
            case LBRACKET -> {
                next();
                List<Arg> items = args(Kind.RBRACKET);
                for (Arg a : items) {
                    if (a.name() != null) {
                        errors.add(new PslError("A list item cannot have a name.", a.span()));
                    }
                }
                return new Expr.Array(items.stream().map(Arg::value).toList(), Span.of(t.span(), tokens.get(pos - 1).span()));
            }
            case IDENT -> {
                String name = dottedName("a name");
                if (at(Kind.LPAREN)) {
                    next();
                    List<Arg> args = args(Kind.RPAREN);
                    return new Expr.Call(name, args, Span.of(t.span(), tokens.get(pos - 1).span()));
                }
                return new Expr.Const(name, Span.of(t.span(), tokens.get(pos - 1).span()));
            }
            default -> {
                fail("Expected a value, but found " + describe(t) + ".", t.span());
                return null;
            }
        }
    }
}
