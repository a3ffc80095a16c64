package dev.godwit.bench;

import dev.godwit.engine.Provider;
import dev.godwit.engine.project.DatabaseUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real project's history (scripts/bench-data/NAME/prisma: its migrations folder and schema.prisma,
 * brought in as its README says) on PostgreSQL: apply from empty against Prisma's migrate deploy,
 * then the first and second plan against Prisma's migrate dev --create-only. Both tools' results
 * are checked, not only timed: every migration recorded as applied with the same checksums, and
 * the same schema left behind (pg_dump of both databases compared).
 */
final class HistoryScenario {
    private static final String GODWIT_APPLY = "godwit apply (scripts/godwit flags)";
    private static final String PRISMA_DEPLOY = "Prisma 7.10.1 migrate deploy";
    private static final String FIRST = "godwit plan, 1st run (replays history)";
    private static final String SECOND = "godwit plan, 2nd run (replay cache)";
    private static final String PRISMA_DEV = "Prisma 7.10.1 migrate dev --create-only";
    /** The preview features Prisma 7 still knows; older schemas name others, which it refuses. */
    private static final Set<String> PRISMA7_PREVIEW = Set.of("fullTextSearchPostgres", "nativeDistinct", "partialIndexes",
            "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters", "shardKeys", "strictUndefinedChecks", "typedSql", "views");

    private final Scenarios h;
    private final Settings s;
    private final String name;

    HistoryScenario(Scenarios harness, String name) {
        this.h = harness;
        this.s = harness.settings();
        this.name = name;
    }

    int run() throws Exception {
        Path data = Path.of("scripts", "bench-data", name).toAbsolutePath();
        if (!Files.isDirectory(data.resolve("prisma").resolve("migrations"))) {
            System.out.println("bench: NOTICE: no history at " + data + "/prisma/migrations (" + data.resolve("README.md")
                    + " says how to bring it in); the history scenario is SKIPPED");
            return 0;
        }
        if (!h.providers().contains(Provider.POSTGRESQL)) {
            System.out.println("bench: NOTICE: the history scenario runs on PostgreSQL; SKIPPED");
            return 0;
        }
        Path godwitProject = project(data, s.workDir().resolve("history-" + name + "-godwit"));
        Path prismaProject = project(data, s.workDir().resolve("history-" + name + "-prisma"));
        long migrations;
        try (Stream<Path> dirs = Files.list(godwitProject.resolve("prisma").resolve("migrations"))) {
            migrations = dirs.filter(Files::isDirectory).count();
        }
        boolean prisma = s.prismaRef() != null;
        System.out.printf(Locale.ROOT, "bench: history %s: %d migrations%s%n", name, migrations, prisma ? "" : " (no Prisma reference CLI: godwit alone)");
        int failures = 0;

        Table apply = new Table("apply the " + name + " history (" + migrations + " migrations) from empty, PostgreSQL: whole process", "ms");
        String keptGodwit = null;
        String keptPrisma = null;
        for (int rep = 0; rep < s.reps(); rep++) {
            for (String c : Scenarios.rotate(prisma ? List.of(GODWIT_APPLY, PRISMA_DEPLOY) : List.of(GODWIT_APPLY), rep)) {
                String db = h.freshDatabase(Provider.POSTGRESQL);
                boolean godwit = c.equals(GODWIT_APPLY);
                Proc r = godwit ? h.godwitCli(h.cdsFlags(), db, godwitProject, "apply") : h.prisma(db, prismaProject, "migrate deploy");
                long applied = r.ok() ? applied(db) : -1;
                if (!r.ok() || applied != migrations) {
                    failures++;
                    System.out.println("bench: " + c + " failed (exit " + r.exit() + ", " + applied + " recorded as applied):\n" + Scenarios.tail(r.output()));
                    h.dropDatabase(Provider.POSTGRESQL, db);
                    continue;
                }
                apply.add(c, Scenarios.ms(r.wallNs()), r.peakRssKb());
                // The last database of each tool stays for the comparison and the plan runs.
                if (godwit) {
                    if (keptGodwit != null) {
                        h.dropDatabase(Provider.POSTGRESQL, keptGodwit);
                    }
                    keptGodwit = db;
                } else {
                    if (keptPrisma != null) {
                        h.dropDatabase(Provider.POSTGRESQL, keptPrisma);
                    }
                    keptPrisma = db;
                }
            }
        }
        System.out.print(apply.render());
        try {
            if (keptGodwit != null && keptPrisma != null) {
                failures += compare(keptGodwit, keptPrisma);
            }
            if (keptGodwit != null) {
                failures += plan(godwitProject, prismaProject, keptGodwit, keptPrisma);
            }
        } finally {
            for (String db : new String[]{keptGodwit, keptPrisma}) {
                if (db != null) {
                    h.dropDatabase(Provider.POSTGRESQL, db);
                }
            }
        }
        return failures;
    }

    private int plan(Path godwitProject, Path prismaProject, String godwitDb, String prismaDb) throws Exception {
        PlanScenario planning = new PlanScenario(h);
        Table t = new Table("plan on the " + name + " history, PostgreSQL: whole process, wall time", "ms");
        List<String> contenders = new ArrayList<>(List.of(SECOND, FIRST));
        if (prismaDb != null) {
            contenders.add(PRISMA_DEV);
        }
        int failures = 0;
        h.godwitCli(h.cdsFlags(), godwitDb, godwitProject, "plan");
        for (int rep = 0; rep < s.reps(); rep++) {
            for (String c : Scenarios.rotate(contenders, rep)) {
                Proc r;
                String problem = null;
                if (c.equals(FIRST)) {
                    PlanScenario.deleteTree(godwitProject.resolve(".godwit"));
                    r = h.godwitCli(h.cdsFlags(), godwitDb, godwitProject, "plan");
                    problem = r.output().contains("replaying") ? null : "the history was not replayed";
                } else if (c.equals(SECOND)) {
                    if (!Files.isDirectory(godwitProject.resolve(".godwit"))) {
                        h.godwitCli(h.cdsFlags(), godwitDb, godwitProject, "plan");
                    }
                    r = h.godwitCli(h.cdsFlags(), godwitDb, godwitProject, "plan");
                    problem = r.output().contains("from the cache") ? null : "the replay cache was not used";
                } else {
                    r = planning.prismaCreateOnly(prismaDb, prismaProject);
                }
                if (!r.ok() || problem != null) {
                    failures++;
                    System.out.println("bench: " + c + " failed (" + (problem != null ? problem : "exit " + r.exit()) + "):\n" + Scenarios.tail(r.output()));
                    continue;
                }
                t.add(c, Scenarios.ms(r.wallNs()), r.peakRssKb());
            }
        }
        System.out.print(t.render());
        if (t.has(SECOND) && t.has(PRISMA_DEV)) {
            System.out.printf(Locale.ROOT, "history %s: godwit's 2nd plan takes %.2f× Prisma's migrate dev --create-only, the 1st %.2f×%n", name,
                    t.median(SECOND) / t.median(PRISMA_DEV), t.has(FIRST) ? t.median(FIRST) / t.median(PRISMA_DEV) : Double.NaN);
        }
        return failures;
    }

    /** The same history rows (names, checksums, steps) and the same schema (pg_dump) in both databases. */
    private int compare(String godwitDb, String prismaDb) throws Exception {
        String rowsG = rows(godwitDb);
        String rowsP = rows(prismaDb);
        String dumpG = dump(godwitDb);
        String dumpP = dump(prismaDb);
        boolean same = rowsG.equals(rowsP) && dumpG != null && dumpG.equals(dumpP);
        System.out.printf(Locale.ROOT, "history %s: godwit and Prisma record the same migrations with the same checksums: %s; "
                + "leave the same schema (pg_dump): %s%n", name, rowsG.equals(rowsP) ? "yes" : "NO", dumpG != null && dumpG.equals(dumpP) ? "yes" : "NO");
        return same ? 0 : 1;
    }

    private static String rows(String url) throws Exception {
        DatabaseUrl u = DatabaseUrl.parse(url);
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL, rolled_back_at IS NULL "
                     + "FROM _prisma_migrations ORDER BY migration_name")) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getInt(3)).append(' ')
                        .append(rs.getBoolean(4)).append(' ').append(rs.getBoolean(5)).append('\n');
            }
        }
        return sb.toString();
    }

    /** pg_dump --schema-only without its comments and its per-run \restrict keys; null when pg_dump failed. */
    private String dump(String url) throws Exception {
        DatabaseUrl u = DatabaseUrl.parse(url);
        Proc r = h.run(List.of("pg_dump", "--schema-only", "-h", u.host(), "-p", Integer.toString(u.port()), "-U",
                u.user() == null ? "postgres" : u.user(), "-d", u.database()));
        if (!r.ok()) {
            System.out.println("bench: pg_dump failed:\n" + Scenarios.tail(r.output()));
            return null;
        }
        return r.output().lines().filter(l -> !l.startsWith("--") && !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                .collect(Collectors.joining("\n"));
    }

    private static long applied(String url) throws Exception {
        DatabaseUrl u = DatabaseUrl.parse(url);
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A copy of the history as a Prisma 7 project: the datasource's URLs move to prisma.config.ts
     * (Prisma 7 refuses them in the schema) and preview features it no longer knows are dropped.
     */
    private static Path project(Path data, Path to) throws Exception {
        PlanScenario.copy(data.resolve("prisma"), to.resolve("prisma"));
        Path schema = to.resolve("prisma").resolve("schema.prisma");
        String text = Files.readString(schema, StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*(url|directUrl|shadowDatabaseUrl)\\s*=.*\\R", "");
        Matcher m = Pattern.compile("previewFeatures\\s*=\\s*\\[([^]]*)]").matcher(text);
        if (m.find()) {
            String kept = Stream.of(m.group(1).split(",")).map(String::strip).filter(f -> !f.isEmpty())
                    .filter(f -> PRISMA7_PREVIEW.contains(f.replace("\"", ""))).collect(Collectors.joining(", "));
            text = text.substring(0, m.start()) + "previewFeatures = [" + kept + "]" + text.substring(m.end());
        }
        Files.writeString(schema, text, StandardCharsets.UTF_8);
        Files.writeString(to.resolve("prisma.config.ts"), "export default {\n  schema: \"prisma/schema.prisma\",\n"
                + "  migrations: { path: \"prisma/migrations\" },\n  datasource: { url: process.env.DATABASE_URL },\n};\n");
        return to;
    }
}
