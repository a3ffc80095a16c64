package dev.godwit.shell.bench;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmark, not a test (run by scripts/bench-introspect): introspection of a generated
 * PostgreSQL schema against pg_dump --schema-only of the same database, and a diff of two
 * such models. Times are medians of three runs after a warm-up, measured in one run so the
 * ratio is fair to this machine.
 */
public final class BenchIntrospect {
    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        int tables = Arrays.asList(args).contains("--quick") ? 100 : 2000;
        String server = argument(args, "--url", System.getenv().getOrDefault("GODWIT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"));
        DatabaseUrl admin = DatabaseUrl.parse(server);
        String name = "godwit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        DatabaseUrl url = admin.withDatabase(name);
        exec(admin, "CREATE DATABASE " + name);
        try {
            long genStart = System.nanoTime();
            generate(url, tables);
            System.out.printf(Locale.ROOT, "generated %d tables (10 columns, 2 indexes, 1 foreign key each) in %d ms%n",
                    tables, ms(System.nanoTime() - genStart));
            Target target = Connections.target(url, Connections.direct(url));
            Schema[] model = new Schema[1];
            double godwit = median(() -> {
                model[0] = LiveSchema.read(target);
                return null;
            }, 1);
            check(model[0], tables);
            double pgDump = median(() -> {
                pgDump(url);
                return null;
            }, 1);
            Schema changed = withChanges(model[0], 0.05);
            Dialect dialect = target.dialect();
            int[] count = new int[1];
            double diff = median(() -> {
                count[0] = Differ.diff(model[0], changed, dialect.diffHooks()).size();
                return null;
            }, 10);
            double script = median(() -> dialect.ddlWriter().script(Differ.diff(model[0], changed, dialect.diffHooks())), 5);

            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %12s %22s %8s%n", "measure (median of " + RUNS + ")", "godwit", "peer / target", "ratio");
            System.out.printf(Locale.ROOT, "%-44s %9.0f ms %13.0f ms pg_dump %7.2fx%n", "introspect " + tables + " tables", godwit, pgDump, godwit / pgDump);
            System.out.printf(Locale.ROOT, "%-44s %9.1f ms %14s target %7.2fx%n", "diff two " + tables + "-table models (" + count[0] + " changes)", diff, "200 ms", diff / 200);
            System.out.printf(Locale.ROOT, "%-44s %9.1f ms %22s %8s%n", "diff + render the SQL script", script, "", "");
        } finally {
            exec(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Tables t0000…: id, 9 typed columns and a reference to the previous table; an index on c1, a unique one on (c2, c3). */
    private static void generate(DatabaseUrl url, int n) throws SQLException {
        String[] types = {"INTEGER NOT NULL", "TEXT", "VARCHAR(100) NOT NULL", "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "BOOLEAN NOT NULL DEFAULT false", "DECIMAL(10,2)", "BIGINT", "JSONB", "DATE"};
        try (Connection c = Connections.direct(url).getConnection(); Statement st = c.createStatement()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String t = table(i);
                sb.append("CREATE TABLE \"").append(t).append("\" (\"id\" SERIAL NOT NULL");
                for (int col = 1; col < types.length; col++) {
                    sb.append(", \"c").append(col).append("\" ").append(types[col]);
                }
                sb.append(", \"ref\" INTEGER, CONSTRAINT \"").append(t).append("_pkey\" PRIMARY KEY (\"id\"));\n");
                sb.append("CREATE INDEX \"").append(t).append("_c1_idx\" ON \"").append(t).append("\"(\"c1\");\n");
                sb.append("CREATE UNIQUE INDEX \"").append(t).append("_c2_c3_key\" ON \"").append(t).append("\"(\"c2\", \"c3\");\n");
                sb.append("ALTER TABLE \"").append(t).append("\" ADD CONSTRAINT \"").append(t).append("_ref_fkey\" FOREIGN KEY (\"ref\") REFERENCES \"")
                        .append(table(i == 0 ? 0 : i - 1)).append("\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n");
                if (i % 100 == 99) {
                    st.execute(sb.toString());
                    sb.setLength(0);
                }
            }
            if (!sb.isEmpty()) {
                st.execute(sb.toString());
            }
            st.execute("ANALYZE");
        }
    }

    private static String table(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    /** Every 20th table changed: a column added, a type widened, or an index dropped, in turn. */
    private static Schema withChanges(Schema s, double share) {
        int every = (int) Math.round(1 / share);
        List<Table> out = new ArrayList<>();
        for (int i = 0; i < s.tables().size(); i++) {
            Table t = s.tables().get(i);
            if (i % every == 0) {
                t = switch ((i / every) % 3) {
                    case 0 -> {
                        List<Column> cols = new ArrayList<>(t.columns());
                        cols.add(Column.of("added", ColumnType.of("text"), true));
                        yield t.withColumns(cols);
                    }
                    case 1 -> t.withColumns(t.columns().stream().map(c -> c.name().equals("c6") ? c.withType(ColumnType.of("numeric").withPrecision(12, 2)) : c).toList());
                    default -> t.withIndexes(t.indexes().subList(1, t.indexes().size()));
                };
            }
            out.add(t);
        }
        return new Schema(s.name(), out, s.enums(), s.sequences(), s.views(), s.unmanaged());
    }

    private static void check(Schema s, int tables) {
        if (s.tables().size() != tables || s.tables().get(1).indexes().size() != 2 || s.tables().get(1).foreignKeys().size() != 1) {
            throw new IllegalStateException("unexpected model: " + s.tables().size() + " tables; " + s.tables().get(1));
        }
    }

    private static void pgDump(DatabaseUrl url) {
        try {
            Process p = new ProcessBuilder("pg_dump", "--schema-only", "-h", url.host(), "-p", String.valueOf(url.port()),
                    "-U", url.user() == null ? "postgres" : url.user(), "-d", url.database())
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pg_dump exited " + p.exitValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException("pg_dump: " + e.getMessage(), e);
        }
    }

    /** Median time of {@link #RUNS} runs, in ms, after {@code warmups} untimed runs. */
    private static double median(Supplier<Object> work, int warmups) {
        for (int i = 0; i < warmups; i++) {
            work.get();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        if (System.getenv("BENCH_VERBOSE") != null) {
            System.out.println("  runs: " + Arrays.toString(times));
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void exec(DatabaseUrl url, String sql) throws SQLException {
        try (Connection c = Connections.direct(url).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
