package dev.godwit.bench;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.Provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenarios of scripts/bench. Each returns the number of failures (0 when it ran and printed its tables). */
final class Scenarios {
    private static final String GODWIT_CLI = "godwit CLI (java -jar godwit.jar)";
    private static final String GODWIT_CDS = "godwit CLI + AppCDS (scripts/godwit)";
    private static final String GODWIT_ENGINE = "godwit engine";
    private static final String FLYWAY = "Flyway 13.12.1";
    private static final String FLOOR = "raw JDBC floor";
    private static final String PRISMA = "Prisma 7.10.1 migrate status";

    static final String GODWIT_CLI_LABEL = GODWIT_CLI;
    static final String GODWIT_CDS_LABEL = GODWIT_CDS;

    private final Settings s;
    private final Path cwd = Path.of("").toAbsolutePath();
    private int dbCounter;

    Scenarios(Settings settings) {
        this.s = settings;
        System.out.printf("bench: %d migration(s), %d repetition(s)%s; child JVM options: %s%n", s.size(), s.reps(),
                s.quick() ? " (--quick)" : "", String.join(" ", s.javaOpts()));
        System.out.println("bench: generated migrations under " + s.workDir());
        if (s.prismaRef() == null) {
            System.out.println("bench: NOTICE: the Prisma reference CLI was not found (BENCH_PRISMA_REF); the Prisma column is SKIPPED");
        }
    }

    Settings settings() {
        return s;
    }

    // ---------------------------------------------------------------- apply

    int apply() throws Exception {
        int failures = 0;
        for (Provider p : providers()) {
            Path project = generate(p, s.size());
            Table proc = new Table("apply " + s.size() + " migrations, " + name(p) + ": whole process, wall time", "ms");
            Table inner = new Table("apply " + s.size() + " migrations, " + name(p) + ": in-process (operation only, fresh JVM)", "ms");
            for (int rep = 0; rep < s.reps(); rep++) {
                List<String> order = rotate(List.of(GODWIT_CLI, GODWIT_ENGINE, FLYWAY, FLOOR), rep);
                for (String c : order) {
                    String db = freshDatabase(p);
                    try {
                        Proc r = switch (c) {
                            case GODWIT_CLI -> godwitCli(db, project, "apply");
                            case GODWIT_ENGINE -> one("godwit", "apply", db, project);
                            case FLYWAY -> one("flyway", "apply", db, project);
                            default -> one("jdbc", "apply", db, project);
                        };
                        if (!r.ok() || (!c.equals(GODWIT_CLI) && !r.output().contains("applied=" + s.size()))) {
                            failures++;
                            System.out.println("bench: " + c + " failed (exit " + r.exit() + "):\n" + tail(r.output()));
                            continue;
                        }
                        proc.add(c.equals(GODWIT_ENGINE) ? "godwit engine (bench jar process)" : c, ms(r.wallNs()), r.peakRssKb());
                        if (!c.equals(GODWIT_CLI)) {
                            inner.add(c, ms(r.innerNs()), r.peakRssKb());
                        }
                    } finally {
                        dropDatabase(p, db);
                    }
                }
            }
            System.out.print(proc.render());
            System.out.print(inner.render());
            target(proc, GODWIT_CLI, FLYWAY, 0.7, "process: godwit ≤ 0.7× Flyway");
            target(proc, GODWIT_CLI, FLOOR, 1.3, "process: godwit ≤ 1.3× the floor");
            target(inner, GODWIT_ENGINE, FLYWAY, 0.7, "in-process: godwit ≤ 0.7× Flyway");
            target(inner, GODWIT_ENGINE, FLOOR, 1.3, "in-process: godwit ≤ 1.3× the floor");
        }
        return failures;
    }

    // ---------------------------------------------------------------- status

    int status() throws Exception {
        int failures = 0;
        for (Provider p : providers()) {
            Path project = generate(p, s.size());
            String godwitDb = freshDatabase(p);
            String flywayDb = freshDatabase(p);
            try {
                Proc g = godwitCli(godwitDb, project, "apply");
                Proc f = one("flyway", "apply", flywayDb, project);
                if (!g.ok() || !f.ok()) {
                    System.out.println("bench: status set-up failed:\n" + tail(g.output()) + "\n" + tail(f.output()));
                    failures++;
                    continue;
                }
                boolean prisma = p == Provider.POSTGRESQL && s.prismaRef() != null;
                Table cold = new Table("status with " + s.size() + " applied, " + name(p) + ": cold, whole process, wall time", "ms");
                Table inner = new Table("status with " + s.size() + " applied, " + name(p) + ": cold, in-process (operation only)", "ms");
                List<String> contenders = new ArrayList<>(List.of(GODWIT_CLI, GODWIT_ENGINE, FLYWAY));
                if (Files.isRegularFile(cdsArchive())) {
                    contenders.add(1, GODWIT_CDS);
                }
                if (prisma) {
                    contenders.add(PRISMA);
                }
                for (int rep = 0; rep < s.reps(); rep++) {
                    for (String c : rotate(contenders, rep)) {
                        Proc r = switch (c) {
                            case GODWIT_CLI -> godwitCli(godwitDb, project, "status");
                            case GODWIT_CDS -> godwitCli(cdsFlags(), godwitDb, project, "status");
                            case GODWIT_ENGINE -> one("godwit", "status", godwitDb, project);
                            case FLYWAY -> one("flyway", "status", flywayDb, project);
                            default -> prismaStatus(godwitDb, project);
                        };
                        if (!r.ok()) {
                            failures++;
                            System.out.println("bench: " + c + " failed (exit " + r.exit() + "):\n" + tail(r.output()));
                            continue;
                        }
                        cold.add(c.equals(GODWIT_ENGINE) ? "godwit engine (bench jar process)" : c, ms(r.wallNs()), r.peakRssKb());
                        if (c.equals(GODWIT_ENGINE) || c.equals(FLYWAY)) {
                            inner.add(c, ms(r.innerNs()), r.peakRssKb());
                        }
                    }
                }
                System.out.print(cold.render());
                System.out.print(inner.render());
                if (prisma) {
                    target(cold, GODWIT_CLI, PRISMA, 0.5, "cold: godwit status ≤ 0.5× Prisma migrate status");
                    if (cold.has(GODWIT_CDS)) {
                        target(cold, GODWIT_CDS, PRISMA, 0.5, "cold: godwit status with AppCDS ≤ 0.5× Prisma migrate status");
                    }
                } else if (p == Provider.POSTGRESQL) {
                    System.out.println("target cold ≤ 0.5× Prisma: NOT MEASURED (no Prisma reference CLI)");
                }
                int calls = s.quick() ? 20 : 100;
                Table warm = new Table("status with " + s.size() + " applied, " + name(p) + ": warm, one long-lived session, "
                        + calls + " calls (median of the steady state)", "ms");
                for (int rep = 0; rep < s.reps(); rep++) {
                    for (String c : rotate(List.of("godwit", "flyway"), rep)) {
                        Proc r = run(java("warm", c, c.equals("godwit") ? godwitDb : flywayDb, project.toString(), Integer.toString(calls)));
                        if (!r.ok()) {
                            failures++;
                            System.out.println("bench: warm " + c + " failed:\n" + tail(r.output()));
                            continue;
                        }
                        warm.add(c.equals("godwit") ? GODWIT_ENGINE : FLYWAY, ms(r.innerNs()), r.peakRssKb());
                    }
                }
                System.out.print(warm.render());
                if (warm.has(GODWIT_ENGINE)) {
                    double m = warm.median(GODWIT_ENGINE);
                    System.out.printf("target warm status < 20 ms: %s (%.1f ms)%n", m < 20 ? "MET" : "NOT MET", m);
                }
            } finally {
                dropDatabase(p, godwitDb);
                dropDatabase(p, flywayDb);
            }
        }
        return failures;
    }

    // ---------------------------------------------------------------- memory

    int memory() throws Exception {
        int failures = 0;
        for (Provider p : providers()) {
            Path project = generate(p, s.size());
            Table t = new Table("peak RSS, " + s.size() + " migrations, " + name(p) + ": one process through apply then status", "MiB");
            for (int rep = 0; rep < s.reps(); rep++) {
                for (String c : rotate(List.of(GODWIT_CLI, FLYWAY), rep)) {
                    String db = freshDatabase(p);
                    try {
                        Proc r = c.equals(GODWIT_CLI) ? godwitCli(db, project, "-c", "apply; status")
                                : one("flyway", "apply", db, project);
                        if (!r.ok()) {
                            failures++;
                            System.out.println("bench: " + c + " failed (exit " + r.exit() + "):\n" + tail(r.output()));
                            continue;
                        }
                        t.add(c.equals(GODWIT_CLI) ? "godwit CLI: -c \"apply; status\"" : "Flyway 13.12.1: migrate", r.peakRssKb() / 1024.0);
                    } finally {
                        dropDatabase(p, db);
                    }
                }
            }
            System.out.print(t.render());
            String g = "godwit CLI: -c \"apply; status\"";
            if (t.has(g)) {
                double m = t.median(g);
                System.out.printf("target peak RSS ≤ 256 MiB: %s (%.0f MiB)%n", m <= 256 ? "MET" : "NOT MET", m);
            }
        }
        return failures;
    }

    // ---------------------------------------------------------------- helpers

    void target(Table t, String mine, String peer, double limit, String label) {
        String row = t.has(mine) ? mine : (mine.equals(GODWIT_ENGINE) && t.has("godwit engine (bench jar process)") ? "godwit engine (bench jar process)" : null);
        if (row == null || !t.has(peer)) {
            System.out.println("target " + label + ": NOT MEASURED");
            return;
        }
        double ratio = t.median(row) / t.median(peer);
        System.out.printf("target %s: %s (%.2f×)%n", label, ratio <= limit ? "MET" : "NOT MET", ratio);
    }

    List<Provider> providers() {
        List<Provider> out = new ArrayList<>();
        for (Provider p : List.of(Provider.POSTGRESQL, Provider.MYSQL)) {
            if (!s.db().equals("all") && !s.db().equals(p.prismaName()) && !(s.db().equals("pg") && p == Provider.POSTGRESQL)) {
                continue;
            }
            try (Connection c = admin(p)) {
                out.add(p);
            } catch (SQLException e) {
                System.out.println("bench: NOTICE: " + name(p) + " is not reachable at " + DatabaseUrl.parse(adminUrl(p)).display()
                        + " (" + e.getMessage() + "); its rows are SKIPPED");
            }
        }
        return out;
    }

    static String name(Provider p) {
        return p == Provider.POSTGRESQL ? "PostgreSQL" : "MariaDB/MySQL";
    }

    String adminUrl(Provider p) {
        return p == Provider.POSTGRESQL ? s.pgUrl() : s.mysqlUrl();
    }

    Connection admin(Provider p) throws SQLException {
        DatabaseUrl u = DatabaseUrl.parse(adminUrl(p));
        return DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties());
    }

    String freshDatabase(Provider p) throws SQLException {
        String name = "godwit_bench_" + ProcessHandle.current().pid() + "_" + (++dbCounter);
        try (Connection c = admin(p); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        return withDatabase(adminUrl(p), name);
    }

    void dropDatabase(Provider p, String url) {
        String name = DatabaseUrl.parse(url).database();
        try (Connection c = admin(p); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.out.println("bench: could not drop " + name + ": " + e.getMessage());
        }
    }

    static String withDatabase(String url, String database) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme + 3);
        int query = url.indexOf('?', scheme + 3);
        String tail = query < 0 ? "" : url.substring(query);
        String head = slash < 0 || (query >= 0 && slash > query) ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return head + "/" + database + tail;
    }

    /** A project with {@code n} migrations, each a CREATE TABLE with a few columns and an index, in Prisma's and Flyway's layouts. */
    Path generate(Provider p, int n) throws IOException {
        Path root = s.workDir().resolve(p.prismaName() + "-" + n);
        if (Files.isDirectory(root)) {
            return root;
        }
        Path migrations = root.resolve("prisma").resolve("migrations");
        Path flyway = root.resolve("flyway");
        Files.createDirectories(migrations);
        Files.createDirectories(flyway);
        Files.writeString(root.resolve("prisma").resolve("schema.prisma"),
                "datasource db {\n  provider = \"" + p.prismaName() + "\"\n}\n");
        Files.writeString(root.resolve("prisma.config.ts"), "export default {\n  schema: \"prisma/schema.prisma\",\n"
                + "  migrations: { path: \"prisma/migrations\" },\n  datasource: { url: process.env.DATABASE_URL },\n};\n");
        Files.writeString(migrations.resolve("migration_lock.toml"), "# Please do not edit this file manually\n"
                + "# It should be added in your version-control system (e.g., Git)\nprovider = \"" + p.prismaName() + "\"\n");
        for (int i = 1; i <= n; i++) {
            String t = String.format("t%04d", i);
            String sql = p == Provider.POSTGRESQL
                    ? "-- CreateTable\nCREATE TABLE \"" + t + "\" (\"id\" SERIAL NOT NULL, \"name\" TEXT NOT NULL, \"email\" TEXT, "
                    + "\"score\" INTEGER NOT NULL DEFAULT 0, \"created_at\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                    + "CONSTRAINT \"" + t + "_pkey\" PRIMARY KEY (\"id\"));\n"
                    + "-- CreateIndex\nCREATE INDEX \"" + t + "_email_idx\" ON \"" + t + "\"(\"email\");\n"
                    : "-- CreateTable\nCREATE TABLE `" + t + "` (`id` INTEGER NOT NULL AUTO_INCREMENT, `name` VARCHAR(191) NOT NULL, "
                    + "`email` VARCHAR(191) NULL, `score` INTEGER NOT NULL DEFAULT 0, `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                    + "PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
                    + "-- CreateIndex\nCREATE INDEX `" + t + "_email_idx` ON `" + t + "`(`email`);\n";
            Path dir = migrations.resolve(String.format("2025%010d_m%04d", i, i));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("migration.sql"), sql, StandardCharsets.UTF_8);
            Files.writeString(flyway.resolve("V" + i + "__m" + String.format("%04d", i) + ".sql"), sql, StandardCharsets.UTF_8);
        }
        return root;
    }

    /** The class-data-sharing archive scripts/godwit makes beside the jar. */
    Path cdsArchive() {
        return s.godwitJar().toAbsolutePath().resolveSibling("godwit.jsa");
    }

    Proc godwitCli(String url, Path project, String... command) throws Exception {
        return godwitCli(List.of(), url, project, command);
    }

    Proc godwitCli(List<String> extraJvm, String url, Path project, String... command) throws Exception {
        return godwitCli(extraJvm, Map.of(), url, project, command);
    }

    /** godwit as users run it: {@code java -jar godwit.jar COMMAND --url URL --project DIR}, with the bench's JVM flags. */
    Proc godwitCli(List<String> extraJvm, Map<String, String> env, String url, Path project, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("java");
        cmd.addAll(s.javaOpts());
        cmd.addAll(extraJvm);
        cmd.add("-jar");
        cmd.add(s.godwitJar().toAbsolutePath().toString());
        cmd.addAll(List.of(command));
        cmd.addAll(List.of("--url", url, "--project", project.toString(), "--no-color"));
        return run(cmd, env);
    }

    /** The JVM flags that make godwit use the class-data-sharing archive of scripts/godwit. */
    List<String> cdsFlags() {
        return List.of("-XX:SharedArchiveFile=" + cdsArchive(), "-Xlog:cds=off,cds+dynamic=off");
    }

    Proc one(String contender, String op, String url, Path project) throws Exception {
        return run(java("one", contender, op, url, project.toString()));
    }

    List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("java");
        cmd.addAll(s.javaOpts());
        cmd.add("-jar");
        cmd.add(s.benchJar().toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Proc prismaStatus(String url, Path project) throws Exception {
        return prisma(url, project, "migrate status");
    }

    /** The Prisma reference CLI in {@code project}, with DATABASE_URL set. */
    Proc prisma(String url, Path project, String command) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", url);
        return Proc.run(List.of("bash", "-c", "source \"$1/env.sh\" && exec prisma " + command, "prisma",
                s.prismaRef().toString()), project, env);
    }

    Proc run(List<String> cmd) throws Exception {
        return run(cmd, Map.of());
    }

    /** A child process in the bench's folder, with the contenders' common environment plus {@code extra}. */
    Proc run(List<String> cmd, Map<String, String> extra) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(extra);
        env.put("REDGATE_DISABLE_TELEMETRY", "true");
        env.put("FLYWAY_TELEMETRY_OPTOUT", "true");
        return Proc.run(cmd, cwd, env);
    }

    static List<String> rotate(List<String> list, int by) {
        List<String> out = new ArrayList<>(list);
        Collections.rotate(out, -(by % list.size()));
        return out;
    }

    static double ms(long ns) {
        return ns / 1e6;
    }

    static String tail(String out) {
        String[] lines = out.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 15), lines.length));
    }
}
