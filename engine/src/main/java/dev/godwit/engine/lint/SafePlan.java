package dev.godwit.engine.lint;

import dev.godwit.engine.migrate.sql.ShapeReader;
import dev.godwit.engine.migrate.sql.Tokens;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A planned migration rewritten in its safe forms, as a sequence of migrations: the first holds what runs
 * quickly under a lock (constraints NOT VALID, a required column added nullable), then each CONCURRENTLY
 * statement alone, then one that validates and contracts. Statements on tables the migration itself creates
 * stay as they are: nothing can be waiting for those.
 */
public record SafePlan(List<Step> steps) {
    /** One migration of the sequence: a suffix for its folder name ("" for the first) and its SQL. */
    public record Step(String suffix, String script) {
    }

    public SafePlan {
        steps = List.copyOf(steps);
    }

    /** Whether anything was rewritten: more than one step, or a first step that differs from the plan. */
    public boolean rewritten(String original) {
        return steps.size() > 1 || !steps.get(0).script().equals(original);
    }

    public static SafePlan of(String script, Dialect dialect) {
        List<SqlStatement> statements = SqlSplitter.split(script, dialect.provider());
        LintRules rules = LintRules.of(dialect.provider());
        StringBuilder first = new StringBuilder();
        List<Step> own = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Set<String> created = new HashSet<>();
        List<StatementShape> earlier = new ArrayList<>();
        int[] lineStarts = lineStarts(script);
        int consumed = 0;
        for (SqlStatement st : statements) {
            int start = lineStarts[st.line() - 1] + st.column() - 1;
            String lead = script.substring(consumed, start);
            int end = start + st.text().length();
            consumed = afterDelimiter(script, end);
            StatementShape shape = ShapeReader.read(st, dialect.provider());
            boolean existing = shape.table() != null && !created.contains(shape.table().toLowerCase(Locale.ROOT));
            SafeForm form = existing ? rules.safeForm(shape, earlier) : null;
            if (shape.kind() == StatementShape.Kind.CREATE_TABLE && shape.table() != null) {
                created.add(shape.table().toLowerCase(Locale.ROOT));
            }
            earlier.add(shape);
            if (form == null) {
                first.append(lead).append(script, start, consumed);
                continue;
            }
            if (form.now() != null) {
                first.append(lead).append(form.now()).append(form.now().endsWith(";") ? "" : ";");
            }
            for (String s : form.ownMigrations()) {
                own.add(new Step(slug(ShapeReader.read(new SqlStatement(1, s, 1, 1), dialect.provider()), own.size()), s.strip() + "\n"));
            }
            later.addAll(form.later());
        }
        first.append(script.substring(consumed));
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("", first.toString().strip().isEmpty() ? "" : first.toString()));
        steps.addAll(own);
        if (!later.isEmpty()) {
            steps.add(new Step("_validate", String.join("\n\n", later) + "\n"));
        }
        return new SafePlan(steps.stream().filter(s -> !s.script().isBlank()).toList());
    }

    private static String slug(StatementShape s, int n) {
        int on = s.tokens().indexOf("ON");
        String index = on > 0 ? Tokens.name(s.tokens().get(on - 1)) : "index_" + (n + 1);
        return "_concurrently_" + index.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Past the statement's delimiter (and the rest of its line when only white space follows). */
    private static int afterDelimiter(String s, int end) {
        int i = end;
        while (i < s.length() && Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\n') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ';') {
            i++;
        }
        return i;
    }
}
