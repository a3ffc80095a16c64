package dev.godwit.bench;

import dev.godwit.engine.Provider;
import dev.godwit.engine.migrate.Checksums;
import dev.godwit.engine.project.DatabaseUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How godwit's cost grows with the work, on PostgreSQL, with the real Prisma CLI at the same
 * sizes: each operation at three sizes, as a whole process the way users run it (the launcher's
 * class-data archive, and a heap capped at 512 MiB so that the memory goal is checked by every
 * run). Each size prints its median time, peak memory, time per unit and the increment per unit
 * from the size before; each operation ends with its slope and a verdict (see {@link ScaleSeries}).
 * {@code --max N} leaves out sizes above N, {@code --prisma-max N} those above N for Prisma only.
 */
final class ScaleScenario {
    static final List<String> OPERATIONS = List.of("apply", "status", "introspect", "diff", "plan", "parse");
    private static final String GODWIT = "godwit (scripts/godwit flags, -Xmx512m)";
    private static final String GODWIT_FIRST = "godwit plan, 1st run (replays history)";
    private static final String GODWIT_SECOND = "godwit plan, 2nd run (replay cache)";
    private static final String PRISMA_VERSION = "Prisma 7.10.1";
    private static final String PG_DUMP = "pg_dump --schema-only";

    private final Scenarios h;
    private final Settings s;
    private final List<String> operations;
    private final int max;
    private final int prismaMax;
    private final int reps;
    private final List<ScaleSeries> done = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();

    ScaleScenario(Scenarios harness, List<String> operations, int max, int prismaMax, int reps) {
        this.h = harness;
        this.s = harness.settings();
        this.operations = operations;
        this.max = max;
        this.prismaMax = prismaMax;
        this.reps = reps;
    }

    int run() throws Exception {
        if (!h.providers().contains(Provider.POSTGRESQL)) {
            System.out.println("bench: NOTICE: the scale scenario runs on PostgreSQL (where the Prisma reference runs); SKIPPED");
            return 0;
        }
        if (s.prismaRef() == null) {
            System.out.println("bench: NOTICE: no Prisma reference CLI: the scale scenario measures godwit alone");
        }
        System.out.printf(Locale.ROOT, "bench: scale: %s; %d run(s) per size%s%s%n", String.join(", ", operations), reps,
                max < Integer.MAX_VALUE ? "; sizes up to " + max : "", prismaMax < Integer.MAX_VALUE ? "; Prisma up to " + prismaMax : "");
        int failures = 0;
        boolean tablesDone = false;
        for (String op : operations) {
            boolean tables = op.equals("introspect") || op.equals("diff");
            if (tables && tablesDone) {
                continue;
            }
            tablesDone |= tables;
            failures += switch (op) {
                case "apply" -> apply();
                case "status" -> status();
                case "introspect", "diff" -> schemaRead(operations.contains("introspect"), operations.contains("diff"));
                case "plan" -> plan();
                case "parse" -> parse();
                default -> {
                    System.out.println("bench: unknown scale operation " + op + " (" + String.join(", ", OPERATIONS) + ")");
                    yield 1;
                }
            };
        }
        summary();
        return failures;
    }

    // ---------------------------------------------------------------- operations

    private int apply() throws Exception {
        ScaleSeries series = new ScaleSeries("apply N migrations from empty (each a CREATE TABLE and an index)", "migration");
        String prisma = PRISMA_VERSION + " migrate deploy";
        int failures = 0;
        for (int n : sizes(100, 1_000, 10_000)) {
            Path project = h.generate(Provider.POSTGRESQL, n);
            for (int rep = 0; rep < reps; rep++) {
                for (String c : contenders(n, GODWIT, prisma)) {
                    String db = h.freshDatabase(Provider.POSTGRESQL);
                    try {
                        Proc r = c.equals(GODWIT) ? godwit(db, project, "apply") : h.prisma(db, project, "migrate deploy");
                        failures += record(series, c, n, r, r.ok() && appliedRows(db) == n ? null : "not all " + n + " recorded as applied");
                    } finally {
                        h.dropDatabase(Provider.POSTGRESQL, db);
                    }
                }
            }
        }
        return finish(series, failures);
    }

    private int status() throws Exception {
        ScaleSeries series = new ScaleSeries("status with N rows in _prisma_migrations (all applied)", "row");
        String prisma = PRISMA_VERSION + " migrate status";
        int failures = 0;
        for (int n : sizes(1_000, 10_000, 50_000)) {
            String db = h.freshDatabase(Provider.POSTGRESQL);
            try {
                Path project = appliedHistory(db, n);
                for (int rep = 0; rep < reps; rep++) {
                    for (String c : contenders(n, GODWIT, prisma)) {
                        Proc r = c.equals(GODWIT) ? godwit(db, project, "status") : h.prisma(db, project, "migrate status");
                        boolean upToDate = c.equals(GODWIT) ? r.output().contains(n + " applied") : r.output().contains("up to date");
                        failures += record(series, c, n, r, r.ok() && upToDate ? null : "did not report " + n + " applied, up to date");
                    }
                }
            } finally {
                h.dropDatabase(Provider.POSTGRESQL, db);
            }
        }
        return finish(series, failures);
    }

    /**
     * Introspection (godwit renders the database as the SQL that creates it, against pg_dump and
     * Prisma's db pull) and diff (the database against the schema godwit pulled from it, which
     * should find nothing, against Prisma's migrate diff) of N generated tables of 10 columns. Both
     * run on one generated database per size: making 10,000 tables takes minutes.
     */
    private int schemaRead(boolean introspect, boolean diff) throws Exception {
        ScaleSeries read = new ScaleSeries("introspect N tables of 10 columns (2 indexes, 1 foreign key each)", "table");
        ScaleSeries compare = new ScaleSeries("diff the database against its own schema.prisma (N tables of 10 columns)", "table");
        String pull = PRISMA_VERSION + " db pull --print";
        String prismaDiff = PRISMA_VERSION + " migrate diff --from-config-datasource";
        int failures = 0;
        for (int n : sizes(500, 2_000, 10_000)) {
            String db = h.freshDatabase(Provider.POSTGRESQL);
            try {
                long t0 = System.nanoTime();
                IntrospectScenario.generate(Provider.POSTGRESQL, db, n);
                System.out.printf(Locale.ROOT, "bench: scale: generated %,d tables in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
                Path project = projectFolder("scale-tables-" + n, "");
                if (introspect) {
                    for (int rep = 0; rep < reps; rep++) {
                        for (String c : contenders(n, GODWIT, PG_DUMP, pull)) {
                            DatabaseUrl u = DatabaseUrl.parse(db);
                            Proc r = c.equals(GODWIT) ? godwit(db, project, "diff", "--from", "empty", "--to", "database", "--script")
                                    : c.equals(PG_DUMP) ? h.run(List.of("pg_dump", "--schema-only", "-h", u.host(), "-p", Integer.toString(u.port()),
                                            "-U", u.user() == null ? "postgres" : u.user(), "-d", u.database()))
                                    : h.prisma(db, project, "db pull --print");
                            String problem = !r.ok() ? "exit " + r.exit()
                                    : c.equals(GODWIT) && !r.output().contains(String.format(Locale.ROOT, "CREATE TABLE \"t%04d\"", n - 1))
                                    ? "the last table is missing from the script" : null;
                            failures += record(read, c, n, r, problem);
                        }
                    }
                }
                if (diff) {
                    Proc pulled = godwit(db, project, "pull");
                    if (!pulled.ok()) {
                        System.out.println("bench: scale diff set-up (godwit pull) failed:\n" + Scenarios.tail(pulled.output()));
                        failures++;
                        continue;
                    }
                    for (int rep = 0; rep < reps; rep++) {
                        for (String c : contenders(n, GODWIT, prismaDiff)) {
                            Proc r = c.equals(GODWIT) ? godwit(db, project, "diff", "--from", "database", "--to", "schema", "--script")
                                    : h.prisma(db, project, "migrate diff --from-config-datasource --to-schema prisma/schema.prisma --script");
                            failures += record(compare, c, n, r, r.ok() ? null : "exit " + r.exit());
                            long statements = r.output().lines().filter(l -> l.endsWith(";")).count();
                            if (r.ok() && rep == 0 && statements > 0) {
                                System.out.printf(Locale.ROOT, "bench: scale diff: %s found %d statement(s) between the database and the schema pulled from it%n",
                                        c, statements);
                            }
                        }
                    }
                }
            } finally {
                h.dropDatabase(Provider.POSTGRESQL, db);
            }
        }
        for (ScaleSeries series : introspect && diff ? List.of(read, compare) : List.of(introspect ? read : compare)) {
            if (series.has(GODWIT, 10_000)) {
                System.out.printf(Locale.ROOT, "target %s of 10,000 tables within a 512 MiB heap (-Xmx512m): MET (peak RSS %.0f MiB)%n",
                        series == read ? "introspection" : "diff", series.peakMiB(GODWIT, 10_000));
            }
            failures = finish(series, failures);
        }
        return failures;
    }

    private int plan() throws Exception {
        ScaleSeries series = new ScaleSeries("plan on a history of N migrations (new process; one new model)", "migration");
        String prisma = PRISMA_VERSION + " migrate dev --create-only";
        PlanScenario planning = new PlanScenario(h);
        int failures = 0;
        for (int n : sizes(100, 300, 1_000)) {
            Path base = planning.history(n);
            Path mine = PlanScenario.copy(base, s.workDir().resolve("scale-plan-godwit-" + n));
            Path theirs = PlanScenario.copy(base, s.workDir().resolve("scale-plan-prisma-" + n));
            String godwitDb = h.freshDatabase(Provider.POSTGRESQL);
            String prismaDb = h.freshDatabase(Provider.POSTGRESQL);
            try {
                Proc applied = godwit(godwitDb, mine, "apply");
                Proc deployed = s.prismaRef() != null && n <= prismaMax ? h.prisma(prismaDb, theirs, "migrate deploy") : applied;
                if (!applied.ok() || !deployed.ok()) {
                    System.out.println("bench: scale plan set-up failed:\n" + Scenarios.tail(applied.output()) + "\n" + Scenarios.tail(deployed.output()));
                    failures++;
                    continue;
                }
                for (int rep = 0; rep < reps; rep++) {
                    for (String c : contenders(n, GODWIT_FIRST, GODWIT_SECOND, prisma)) {
                        Proc r;
                        String problem;
                        if (c.equals(GODWIT_FIRST)) {
                            PlanScenario.deleteTree(mine.resolve(".godwit"));
                            r = godwit(godwitDb, mine, "plan");
                            problem = r.output().contains("replaying") ? null : "the history was not replayed";
                        } else if (c.equals(GODWIT_SECOND)) {
                            // The cache is made by a first run; the rotation may put this one first.
                            if (!Files.isDirectory(mine.resolve(".godwit"))) {
                                godwit(godwitDb, mine, "plan");
                            }
                            r = godwit(godwitDb, mine, "plan");
                            problem = r.output().contains("from the cache") ? null : "the replay cache was not used";
                        } else {
                            r = planning.prismaCreateOnly(prismaDb, theirs);
                            problem = null;
                        }
                        failures += record(series, c, n, r, r.ok() ? problem : "exit " + r.exit());
                    }
                }
            } finally {
                h.dropDatabase(Provider.POSTGRESQL, godwitDb);
                h.dropDatabase(Provider.POSTGRESQL, prismaDb);
            }
        }
        return finish(series, failures, GODWIT_SECOND);
    }

    private int parse() throws Exception {
        ScaleSeries series = new ScaleSeries("parse and validate schema.prisma of N models, rendered as SQL (no database)", "model");
        String prisma = PRISMA_VERSION + " migrate diff --from-empty --to-schema";
        int failures = 0;
        String db = h.freshDatabase(Provider.POSTGRESQL);
        try {
            for (int n : sizes(100, 1_000, 5_000)) {
                Path project = projectFolder("scale-parse-" + n, models(n));
                for (int rep = 0; rep < reps; rep++) {
                    for (String c : contenders(n, GODWIT, prisma)) {
                        Proc r = c.equals(GODWIT) ? godwit(db, project, "diff", "--from", "empty", "--to", "schema", "--script")
                                : h.prisma(db, project, "migrate diff --from-empty --to-schema prisma/schema.prisma --script");
                        String last = String.format(Locale.ROOT, "CREATE TABLE \"M%05d\"", n);
                        failures += record(series, c, n, r, !r.ok() ? "exit " + r.exit() : r.output().contains(last) ? null : "the last model is missing");
                    }
                }
            }
        } finally {
            h.dropDatabase(Provider.POSTGRESQL, db);
        }
        return finish(series, failures);
    }

    // ---------------------------------------------------------------- helpers

    private List<Integer> sizes(int... all) {
        List<Integer> out = new ArrayList<>();
        for (int n : all) {
            if (n <= max) {
                out.add(n);
            }
        }
        if (out.size() < all.length) {
            System.out.printf(Locale.ROOT, "bench: scale: sizes above %,d left out (--max)%n", max);
        }
        return out;
    }

    /** The contenders for one size, rotated per call so no one always runs first; Prisma only up to --prisma-max. */
    private int rotation;

    private List<String> contenders(int n, String... all) {
        List<String> out = new ArrayList<>();
        for (String c : all) {
            if (!c.startsWith(PRISMA_VERSION) || (s.prismaRef() != null && n <= prismaMax)) {
                out.add(c);
            }
        }
        return Scenarios.rotate(out, rotation++);
    }

    private Proc godwit(String url, Path project, String... command) throws Exception {
        List<String> jvm = new ArrayList<>(h.cdsFlags());
        jvm.add("-Xmx512m");
        if (!Files.isRegularFile(h.cdsArchive())) {
            jvm.clear();
            jvm.add("-Xmx512m");
        }
        return h.godwitCli(jvm, url, project, command);
    }

    private static int record(ScaleSeries series, String contender, int n, Proc r, String problem) {
        if (problem != null) {
            System.out.printf(Locale.ROOT, "bench: scale %s: %s at %,d failed (%s):%n%s%n", series.operation(), contender, n, problem,
                    Scenarios.tail(r.output()));
            return 1;
        }
        series.add(contender, n, Scenarios.ms(r.wallNs()), r.peakRssKb(), r.cpuMs());
        return 0;
    }

    private int finish(ScaleSeries series, int failures) {
        return finish(series, failures, GODWIT);
    }

    /** Prints the series; the ratio column divides {@code godwit}'s row by each row of the same size. */
    private int finish(ScaleSeries series, int failures, String godwit) {
        System.out.print(series.render(godwit));
        done.add(series);
        return failures;
    }

    /** One line per operation and contender: the slope and the verdict, and the ratio to Prisma at each size. */
    private void summary() {
        System.out.println("\nscale summary (slope from the smallest size to the largest; worse than linear: > "
                + ScaleSeries.WORSE_THAN_LINEAR + "× per unit)");
        for (ScaleSeries series : done) {
            for (String c : series.contenders()) {
                ScaleSeries.Verdict g = series.verdict(c);
                String line = series.operation() + " — " + c + ": " + (g == null ? "one size only" : g.describe(series.unit()));
                System.out.println("  " + line);
                verdicts.add(line);
            }
        }
        // the target is godwit's; the peers' verdicts are shown for comparison
        long worse = verdicts.stream().filter(v -> v.contains(" — godwit") && v.endsWith("WORSE THAN LINEAR")).count();
        System.out.println(worse == 0 ? "target every godwit operation linear or better: MET"
                : "target every godwit operation linear or better: NOT MET (" + worse + ")");
    }

    private long appliedRows(String url) throws SQLException {
        DatabaseUrl u = DatabaseUrl.parse(url);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * N migration folders, each a one-line statement, recorded as applied with their checksums
     * in a _prisma_migrations table made as Prisma makes it: the state status reads, without
     * spending the set-up time of applying them.
     */
    private Path appliedHistory(String url, int n) throws Exception {
        Path root = projectFolder("scale-status-" + n, "");
        Path migrations = root.resolve("prisma").resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("migration_lock.toml"), "# Please do not edit this file manually\n"
                + "# It should be added in your version-control system (e.g., Git)\nprovider = \"postgresql\"\n");
        DatabaseUrl u = DatabaseUrl.parse(url);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) PRIMARY KEY NOT NULL, \"checksum\" VARCHAR(64) NOT NULL, "
                        + "\"finished_at\" TIMESTAMPTZ, \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ, "
                        + "\"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(), \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, "
                    + "started_at, applied_steps_count) VALUES (?, ?, now(), ?, now(), 1)")) {
                for (int i = 1; i <= n; i++) {
                    String name = String.format(Locale.ROOT, "2025%010d_m%05d", i, i);
                    byte[] sql = ("-- m" + i + "\nSELECT " + i + ";\n").getBytes(StandardCharsets.UTF_8);
                    Path dir = migrations.resolve(name);
                    Files.createDirectories(dir);
                    Files.write(dir.resolve("migration.sql"), sql);
                    ins.setString(1, UUID.randomUUID().toString());
                    ins.setString(2, Checksums.sha256Hex(sql));
                    ins.setString(3, name);
                    ins.addBatch();
                    if (i % 1000 == 0 || i == n) {
                        ins.executeBatch();
                    }
                }
            }
            c.commit();
        }
        return root;
    }

    /** A project folder with a Prisma 7 config and a schema.prisma of the PostgreSQL datasource plus {@code models}. */
    private Path projectFolder(String name, String models) throws Exception {
        Path dir = s.workDir().resolve(name);
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma").resolve("schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n}\n" + models);
        Files.writeString(dir.resolve("prisma.config.ts"), "export default {\n  schema: \"prisma/schema.prisma\",\n"
                + "  migrations: { path: \"prisma/migrations\" },\n  datasource: { url: process.env.DATABASE_URL },\n};\n");
        return dir;
    }

    /** N models of six fields, an index and a relation to the model before, so relation checks run at every size. */
    static String models(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            String m = String.format(Locale.ROOT, "M%05d", i);
            sb.append("\nmodel ").append(m).append(" {\n  id        Int      @id @default(autoincrement())\n")
                    .append("  name      String   @db.VarChar(100)\n  email     String?  @unique\n")
                    .append("  score     Int      @default(0)\n  createdAt DateTime @default(now())\n");
            if (i > 1) {
                String prev = String.format(Locale.ROOT, "M%05d", i - 1);
                sb.append("  prevId    Int?\n  prev      ").append(prev).append("? @relation(fields: [prevId], references: [id])\n");
            }
            if (i < n) {
                sb.append("  next      ").append(String.format(Locale.ROOT, "M%05d", i + 1)).append("[]\n");
            }
            sb.append("\n  @@index([name, score])\n}\n");
        }
        return sb.toString();
    }
}
