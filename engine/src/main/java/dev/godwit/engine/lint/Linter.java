package dev.godwit.engine.lint;

import dev.godwit.engine.migrate.sql.ShapeReader;
import dev.godwit.engine.migrate.sql.StatementShape;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.migrate.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lints migrations: for each statement the lock it takes, what that blocks, whether it rewrites or scans
 * the table and, when connected, how big that table is, so that severity grows with the table. Tables that
 * an earlier statement (or an earlier migration of the same run) creates are empty when the statement runs.
 * Never fails on a statement it does not understand: that statement has no findings.
 */
public final class Linter {
    /** A migration to lint: its name and SQL. */
    public record Source(String name, String sql) {
    }

    private final Dialect dialect;
    private final LintRules rules;
    private final LintSettings settings;

    public Linter(Dialect dialect, LintSettings settings) {
        this.dialect = dialect;
        this.rules = LintRules.of(dialect.provider());
        this.settings = settings;
    }

    /** Lints without a database: severities assume tables of unknown size. */
    public List<LintReport> lint(List<Source> sources) {
        return lint(sources, new LintContext(ServerFacts.UNKNOWN, Map.of(), false, settings.applySetsLockTimeout()));
    }

    /** Lints against the live {@code target}: its server version, and the size of every table the migrations touch. */
    public List<LintReport> lint(List<Source> sources, Target target) throws SQLException {
        List<List<StatementShape>> shapes = sources.stream().map(this::shapes).toList();
        Set<String> tables = new LinkedHashSet<>();
        shapes.forEach(list -> list.forEach(s -> {
            if (s.table() != null) {
                tables.add(s.table());
            }
            for (Hazard h : rules.hazards(s, List.of(), LintContext.offline())) {
                if (h.other() != null) {
                    tables.add(h.other());
                }
            }
        }));
        try (Connection c = target.dataSource().getConnection()) {
            LintContext ctx = new LintContext(rules.server(c), rules.liveTables(c, target.schema(), tables), true,
                    settings.applySetsLockTimeout());
            return lint(sources, shapes, ctx);
        }
    }

    /** Lints with a context made by the caller (tests, or a caller that already read the live tables). */
    public List<LintReport> lint(List<Source> sources, LintContext context) {
        return lint(sources, sources.stream().map(this::shapes).toList(), context);
    }

    private List<LintReport> lint(List<Source> sources, List<List<StatementShape>> shapes, LintContext context) {
        List<LintReport> out = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(lintOne(sources.get(i), shapes.get(i), context, created));
        }
        return out;
    }

    private List<StatementShape> shapes(Source s) {
        return SqlSplitter.split(s.sql(), dialect.provider()).stream().map(st -> ShapeReader.read(st, dialect.provider())).toList();
    }

    private LintReport lintOne(Source source, List<StatementShape> shapes, LintContext ctx, Set<String> created) {
        LintIgnores ignores = LintIgnores.read(source.sql());
        List<SqlStatement> statements = shapes.stream().map(StatementShape::statement).toList();
        List<LintFinding> findings = new ArrayList<>();
        Set<String> createdHere = new HashSet<>();
        for (int i = 0; i < shapes.size(); i++) {
            StatementShape s = shapes.get(i);
            for (Hazard h : rules.hazards(s, shapes.subList(0, i), ctx)) {
                findings.add(finding(source.name(), s.statement(), h, ctx, createdHere, created));
            }
            if (s.kind() == StatementShape.Kind.CREATE_TABLE && s.table() != null) {
                createdHere.add(key(s.table()));
            }
        }
        for (Hazard h : rules.migrationHazards(shapes, ctx)) {
            findings.add(finding(source.name(), null, h, ctx, createdHere, created));
        }
        created.addAll(createdHere);
        for (Integer line : ignores.withoutReason()) {
            findings.add(new LintFinding(source.name(), 0, line, "ignore-without-reason", LintSeverity.WARNING, null, null, null, null,
                    false, false, "the godwit-lint-ignore on line " + line + " gives no reason, so it does not count",
                    "-- godwit-lint-ignore rule-name: why this is safe here", null));
        }
        List<LintFinding> marked = new ArrayList<>();
        for (LintFinding f : findings) {
            Optional<String> reason = ignores.reason(f.rule(), f.statement(), statements);
            if (reason.isEmpty() && settings.ignored().containsKey(f.rule())) {
                reason = Optional.of(settings.ignored().get(f.rule()));
            }
            marked.add(reason.map(f::ignore).orElse(f));
        }
        long parsed = shapes.stream().filter(s -> s.parsedBy().equals("jsqlparser")).count();
        return new LintReport(source.name(), "JSqlParser " + parsed + "/" + shapes.size() + " statements, godwit's lexer the rest", marked);
    }

    private LintFinding finding(String migration, SqlStatement st, Hazard h, LintContext ctx, Set<String> createdHere, Set<String> created) {
        TableSize size = size(h.table(), ctx, createdHere, created);
        LintSeverity severity = switch (h.scale()) {
            case FIXED -> h.fixed();
            case SIZE -> {
                LintSeverity s = ctx.connected() && size == null ? LintSeverity.INFO : settings.thresholds().of(size);
                yield s.ordinal() > h.fixed().ordinal() ? h.fixed() : s;
            }
            case FAILS_WITH_ROWS -> size == null ? (ctx.connected() ? LintSeverity.INFO : LintSeverity.WARNING)
                    : size.rows() == 0 ? LintSeverity.INFO
                    : size.rows() > 0 ? LintSeverity.ERROR : settings.thresholds().of(size).max(LintSeverity.WARNING);
        };
        String message = h.message().replace("{table}", describe(h.table(), size));
        if (h.other() != null) {
            message = message.replace("{other}", describe(h.other(), size(h.other(), ctx, createdHere, created)));
        }
        return new LintFinding(migration, st == null ? 0 : st.index(), st == null ? 0 : st.line(), h.rule(), severity, h.table(), size,
                h.lock(), h.blocks(), h.rewrites(), h.scans(), message, h.safe(), null);
    }

    /**
     * A table's size: empty when this migration creates it; else what the live database says (a table an earlier
     * migration of the run creates is not there yet: empty too); null when unknown (not connected, or not found).
     */
    private static TableSize size(String table, LintContext ctx, Set<String> createdHere, Set<String> created) {
        if (table == null) {
            return null;
        }
        if (createdHere.contains(key(table))) {
            return TableSize.NEW;
        }
        Optional<TableSize> live = ctx.table(table).map(LiveTable::size);
        if (live.isPresent()) {
            return live.get();
        }
        // Offline the database may be any age: only a table this very migration creates is known to be empty.
        return ctx.connected() && created.contains(key(table)) ? TableSize.NEW : null;
    }

    private static String describe(String table, TableSize size) {
        String name = "`" + table + "`";
        return size == null ? name : name + " (" + size.describe() + ")";
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

}
