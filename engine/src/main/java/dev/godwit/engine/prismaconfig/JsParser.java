package dev.godwit.engine.prismaconfig;

import dev.godwit.engine.prismaconfig.JsLexer.Kind;
import dev.godwit.engine.prismaconfig.JsLexer.Token;
import dev.godwit.engine.prismaconfig.JsNode.Binary;
import dev.godwit.engine.prismaconfig.JsNode.Call;
import dev.godwit.engine.prismaconfig.JsNode.Literal;
import dev.godwit.engine.prismaconfig.JsNode.Member;
import dev.godwit.engine.prismaconfig.JsNode.Name;
import dev.godwit.engine.prismaconfig.JsNode.Opaque;
import dev.godwit.engine.prismaconfig.JsNode.Property;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top level of a config file into a {@link JsModule}: imports, {@code const} declarations and the
 * default export ({@code export default …} or {@code module.exports = …}). Expressions outside the small
 * subset a config needs (functions, conditions, classes…) are kept as {@link Opaque} nodes that say where
 * they are: they only matter if a setting godwit needs is one of them. TypeScript type annotations,
 * {@code as}/{@code satisfies} clauses and type declarations are skipped.
 */
final class JsParser extends JsTokenCursor {
    private final String src;
    private final Map<String, JsModule.Import> imports = new LinkedHashMap<>();
    private final Map<String, JsNode> constants = new LinkedHashMap<>();
    private final List<JsModule.DotenvLoad> dotenv = new ArrayList<>();
    private JsNode defaultExport;

    private JsParser(String src, List<Token> tokens) {
        super(tokens);
        this.src = src;
    }

    static JsModule parse(String src) {
        JsParser p = new JsParser(src, JsLexer.tokens(src, 0, src.length()));
        p.module();
        return new JsModule(p.imports, p.constants, p.defaultExport, p.dotenv);
    }

    /** One expression of {@code src} between {@code start} and {@code end} (a template's {@code ${…}}). */
    private JsNode subExpression(int start, int end) {
        JsParser sub = new JsParser(src, JsLexer.tokens(src, start, end));
        return sub.expression();
    }

    private void module() {
        while (peek().kind() != Kind.EOF) {
            int before = i;
            statement();
            if (peek().is(";")) {
                i++;
            }
            if (i == before) {
                i++;
            }
        }
    }

    private void statement() {
        Token t = peek();
        if (t.is("import") && !peek(1).is("(") && !peek(1).is(".")) {
            importDeclaration();
        } else if (t.is("export")) {
            i++;
            if (peek().is("default")) {
                i++;
                defaultExport = expression();
            } else if (peek().is("const") || peek().is("let") || peek().is("var")) {
                declaration();
            } else {
                skipStatement();
            }
        } else if (t.is("const") || t.is("let") || t.is("var")) {
            declaration();
        } else if ((t.is("module") && peek(1).is(".") && peek(2).is("exports") && peek(3).is("="))
                || (t.is("exports") && peek(1).is(".") && peek(2).is("default") && peek(3).is("="))) {
            i += 4;
            defaultExport = expression();
        } else if (t.kind() == Kind.IDENT && STATEMENT_WORDS.contains(t.text()) && !t.is("async")) {
            skipStatement();
        } else {
            JsNode e = expression();
            noteDotenvCall(e);
        }
    }

    private void importDeclaration() {
        int at = next().offset();
        if (peek().kind() == Kind.STRING) {
            String module = next().value();
            if (module.equals("dotenv/config")) {
                dotenv.add(new JsModule.DotenvLoad(at, null));
            }
            return;
        }
        if (peek().is("type")) {
            skipStatement();
            return;
        }
        List<String[]> bindings = new ArrayList<>();
        while (!peek().is("from") && peek().kind() != Kind.EOF && !peek().is(";")) {
            Token t = next();
            if (t.is("*") && peek().is("as")) {
                i++;
                bindings.add(new String[]{next().text(), "*"});
            } else if (t.is("{")) {
                while (!peek().is("}") && peek().kind() != Kind.EOF) {
                    Token name = next();
                    if (name.is("type")) {
                        continue;
                    }
                    String local = name.kind() == Kind.STRING ? name.value() : name.text();
                    if (peek().is("as")) {
                        i++;
                        local = next().text();
                    }
                    bindings.add(new String[]{local, name.kind() == Kind.STRING ? name.value() : name.text()});
                    if (peek().is(",")) {
                        i++;
                    }
                }
                i++;
            } else if (t.kind() == Kind.IDENT) {
                bindings.add(new String[]{t.text(), "default"});
            }
        }
        if (peek().is("from")) {
            i++;
            String module = next().value();
            for (String[] b : bindings) {
                imports.put(b[0], new JsModule.Import(module == null ? "" : module, b[1]));
            }
        }
    }

    private void declaration() {
        i++;
        do {
            if (peek().is("{")) {
                destructuring();
            } else {
                String name = next().text();
                if (peek().is(":")) {
                    i++;
                    skipType();
                }
                if (peek().is("=")) {
                    i++;
                    JsNode init = expression();
                    constants.put(name, init);
                    noteRequire(name, init);
                    noteDotenvCall(init);
                }
            }
        } while (peek().is(",") && next() != null);
    }

    /** {@code const { a, b: c } = init}: each name becomes {@code init.key}. */
    private void destructuring() {
        int at = next().offset();
        List<String[]> names = new ArrayList<>();
        while (!peek().is("}") && peek().kind() != Kind.EOF) {
            String key = next().text();
            String local = key;
            if (peek().is(":")) {
                i++;
                local = next().text();
            }
            names.add(new String[]{local, key});
            if (peek().is(",")) {
                i++;
            }
        }
        i++;
        if (peek().is(":")) {
            i++;
            skipType();
        }
        if (peek().is("=")) {
            i++;
            JsNode init = expression();
            for (String[] n : names) {
                constants.put(n[0], new Member(at, init, n[1]));
            }
        }
    }

    /** {@code const x = require("m")} is an import of the module's namespace. */
    private void noteRequire(String name, JsNode init) {
        if (init instanceof Call c && c.callee() instanceof Name n && n.name().equals("require")
                && c.args().size() == 1 && c.args().get(0) instanceof Literal l && l.value() instanceof String m) {
            imports.put(name, new JsModule.Import(m, "*"));
            constants.remove(name);
        }
    }

    /** {@code require("dotenv").config(…)}, {@code dotenv.config(…)} or an imported {@code config(…)} loads a .env. */
    private void noteDotenvCall(JsNode e) {
        if (!(e instanceof Call c)) {
            return;
        }
        boolean loads = false;
        if (c.callee() instanceof Member m && m.name().equals("config")) {
            JsNode obj = m.object();
            loads = (obj instanceof Call r && r.callee() instanceof Name rn && rn.name().equals("require")
                    && r.args().size() == 1 && r.args().get(0) instanceof Literal l && "dotenv".equals(l.value()))
                    || (obj instanceof Name on && imports.containsKey(on.name())
                    && imports.get(on.name()).module().equals("dotenv"));
        } else if (c.callee() instanceof Name n && imports.containsKey(n.name())) {
            JsModule.Import imp = imports.get(n.name());
            loads = imp.module().equals("dotenv") && imp.name().equals("config");
        }
        if (loads) {
            JsNode path = null;
            if (!c.args().isEmpty() && c.args().get(0) instanceof JsNode.ObjectLit o) {
                for (Property p : o.properties()) {
                    if ("path".equals(p.key())) {
                        path = p.value();
                    }
                }
            }
            dotenv.add(new JsModule.DotenvLoad(c.offset(), path));
        }
    }

    JsNode expression() {
        JsNode e = binary(0);
        if (peek().is("?")) {
            int at = e.offset();
            i++;
            expression();
            if (peek().is(":")) {
                i++;
                expression();
            }
            return new Opaque(at, "a condition (… ? … : …)");
        }
        if (peek().is("=")) {
            i++;
            expression();
            return new Opaque(e.offset(), "an assignment");
        }
        return e;
    }

    private static int precedence(Token t) {
        if (t.kind() != Kind.PUNCT) {
            return t.is("instanceof") || t.is("in") ? 4 : -1;
        }
        return switch (t.text()) {
            case "??", "||" -> 1;
            case "&&" -> 2;
            case "==", "!=", "===", "!==", "<", ">", "<=", ">=" -> 4;
            case "+", "-" -> 5;
            case "*", "/", "%" -> 6;
            default -> -1;
        };
    }

    private JsNode binary(int minPrecedence) {
        JsNode left = unary();
        while (true) {
            Token op = peek();
            int prec = precedence(op);
            if (prec < 0 || prec < minPrecedence) {
                return left;
            }
            i++;
            JsNode right = binary(prec + 1);
            left = switch (op.text()) {
                case "??", "||", "&&", "+" -> new Binary(left.offset(), op.text(), left, right);
                default -> new Opaque(left.offset(), "a comparison or arithmetic (" + op.text() + ")");
            };
        }
    }

    private JsNode unary() {
        Token t = peek();
        if (t.is("await")) {
            i++;
            return unary();
        }
        if (t.is("!") || t.is("-") || t.is("+") || t.is("typeof") || t.is("void") || t.is("delete") || t.is("~")) {
            i++;
            unary();
            return new Opaque(t.offset(), "the operator " + t.text());
        }
        return postfix(primary());
    }

    private JsNode postfix(JsNode e) {
        while (true) {
            Token t = peek();
            if ((t.is(".") || t.is("?.")) && peek(1).kind() == Kind.IDENT) {
                i++;
                e = new Member(e.offset(), e, next().text());
            } else if (t.is("?.") && peek(1).is("(")) {
                i++;
            } else if (t.is("[") && !t.newlineBefore()) {
                i++;
                JsNode key = expression();
                expect("]");
                e = key instanceof Literal l && l.value() instanceof String s ? new Member(e.offset(), e, s)
                        : new Opaque(e.offset(), "a computed member […]");
            } else if (t.is("(") && !(t.newlineBefore() && e instanceof JsNode.ObjectLit)) {
                i++;
                List<JsNode> args = new ArrayList<>();
                while (!peek().is(")") && peek().kind() != Kind.EOF) {
                    if (peek().is("...")) {
                        i++;
                    }
                    args.add(expression());
                    if (peek().is(",")) {
                        i++;
                    } else if (!peek().is(")")) {
                        skipToCloser();
                    }
                }
                expect(")");
                e = new Call(e.offset(), e, args);
            } else if (t.is("<") && typeArgumentsBeforeCall()) {
                skipBalanced("<", ">");
            } else if (t.is("!") && !t.newlineBefore()) {
                i++;
            } else if ((t.is("as") || t.is("satisfies")) && !t.newlineBefore()) {
                i++;
                skipType();
            } else {
                return e;
            }
        }
    }

    /** {@code env<Env>("X")}: a balanced {@code <…>} right before {@code (}. */
    private boolean typeArgumentsBeforeCall() {
        int depth = 0;
        for (int k = i; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.is("<")) {
                depth++;
            } else if (t.is(">")) {
                if (--depth == 0) {
                    return k + 1 < tokens.size() && tokens.get(k + 1).is("(");
                }
            } else if (t.is(";") || t.is("(") || t.is(")") || t.kind() == Kind.EOF) {
                return false;
            }
        }
        return false;
    }

    private JsNode primary() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                i++;
                return new Literal(t.offset(), t.value());
            }
            case NUMBER -> {
                i++;
                try {
                    return new Literal(t.offset(), Double.parseDouble(t.text().replace("_", "")));
                } catch (NumberFormatException e) {
                    return new Opaque(t.offset(), "the number " + t.text());
                }
            }
            case TEMPLATE -> {
                i++;
                List<JsNode> parts = new ArrayList<>();
                for (int[] range : t.template().expressions()) {
                    parts.add(subExpression(range[0], range[1]));
                }
                return new JsNode.Template(t.offset(), t.template().chunks(), parts);
            }
            case IDENT -> {
                return identifier(t);
            }
            case PUNCT -> {
                if (t.is("{")) {
                    return objectLiteral();
                }
                if (t.is("[")) {
                    return arrayLiteral();
                }
                if (t.is("(")) {
                    if (arrowAhead()) {
                        return skipOpaque("a function");
                    }
                    i++;
                    JsNode inner = expression();
                    expect(")");
                    return inner;
                }
                return skipOpaque("`" + t.text() + "`");
            }
            default -> {
                return new Opaque(t.offset(), "the end of the file");
            }
        }
    }

    private JsNode identifier(Token t) {
        switch (t.text()) {
            case "true", "false" -> {
                i++;
                return new Literal(t.offset(), Boolean.parseBoolean(t.text()));
            }
            case "null" -> {
                i++;
                return new Literal(t.offset(), null);
            }
            case "undefined" -> {
                i++;
                return new Literal(t.offset(), JsNode.UNDEFINED);
            }
            case "function", "async", "class" -> {
                return skipOpaque(t.text().equals("class") ? "a class" : "a function");
            }
            case "new" -> {
                return skipOpaque("a `new` expression");
            }
            case "import" -> {
                if (peek(1).is(".") && peek(2).is("meta")) {
                    i += 3;
                    return new Name(t.offset(), "import.meta");
                }
                return skipOpaque("a dynamic import()");
            }
            default -> {
                if (peek(1).is("=>")) {
                    return skipOpaque("a function");
                }
                i++;
                return new Name(t.offset(), t.text());
            }
        }
    }

    private JsNode objectLiteral() {
        int at = next().offset();
        List<Property> props = new ArrayList<>();
        while (!peek().is("}") && peek().kind() != Kind.EOF) {
            Token k = peek();
            if (k.is("...")) {
                i++;
                props.add(new Property(k.offset(), null, expression()));
            } else if (k.is("[")) {
                skipToCloser();
            } else if (peek(1).is(":")) {
                i += 2;
                String key = k.kind() == Kind.STRING ? k.value() : k.text();
                props.add(new Property(k.offset(), key, expression()));
            } else if (peek(1).is("(") || ((k.is("async") || k.is("get") || k.is("set")) && peek(1).kind() == Kind.IDENT)) {
                String key = k.is("async") || k.is("get") || k.is("set") ? peek(1).text() : k.text();
                props.add(new Property(k.offset(), key, skipOpaque("a method")));
            } else if (k.kind() == Kind.IDENT && (peek(1).is(",") || peek(1).is("}"))) {
                i++;
                props.add(new Property(k.offset(), k.text(), new Name(k.offset(), k.text())));
            } else {
                skipToCloser();
            }
            if (peek().is(",")) {
                i++;
            } else if (!peek().is("}")) {
                skipToCloser();
                if (peek().is(",")) {
                    i++;
                }
            }
        }
        expect("}");
        return new JsNode.ObjectLit(at, props);
    }

    private JsNode arrayLiteral() {
        int at = next().offset();
        List<JsNode> items = new ArrayList<>();
        while (!peek().is("]") && peek().kind() != Kind.EOF) {
            if (peek().is("...")) {
                i++;
            }
            items.add(expression());
            if (peek().is(",")) {
                i++;
            } else if (!peek().is("]")) {
                skipToCloser();
            }
        }
        expect("]");
        return new JsNode.ArrayLit(at, items);
    }

}
