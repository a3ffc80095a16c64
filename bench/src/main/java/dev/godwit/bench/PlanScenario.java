package dev.godwit.bench;

import dev.godwit.engine.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code godwit plan} on a history of 300 migrations (30 with --quick) on PostgreSQL, against
 * Prisma's {@code migrate dev --create-only} on the same project files and server. The figure
 * that counts is godwit's second plan as a new process: the history is unchanged, so the
 * schema it describes comes from the replay cache. The first plan (history replayed into a
 * shadow database) and the second plan inside one session are shown beside it.
 */
final class PlanScenario {
    private static final String SECOND = "godwit plan, 2nd run (java -jar)";
    private static final String SECOND_CDS = "godwit plan, 2nd run + AppCDS";
    private static final String FIRST = "godwit plan, 1st run (replays history)";
    private static final String PRISMA = "Prisma 7.10.1 migrate dev --create-only";
    private static final String SESSION = "godwit: 2nd plan inside one session";
    private static final Pattern TIMING = Pattern.compile("timing: .* (\\d+) ms");

    private final Scenarios h;
    private final Settings s;

    PlanScenario(Scenarios harness) {
        this.h = harness;
        this.s = harness.settings();
    }

    int run() throws Exception {
        if (!h.providers().contains(Provider.POSTGRESQL)) {
            System.out.println("bench: NOTICE: plan runs on PostgreSQL only (where the Prisma reference runs); SKIPPED");
            return 0;
        }
        int n = s.sizeOr(30, 300);
        Path base = history(n);
        Path godwitProject = copy(base, s.workDir().resolve("plan-godwit"));
        Path prismaProject = copy(base, s.workDir().resolve("plan-prisma"));
        boolean prisma = s.prismaRef() != null;
        if (!prisma) {
            System.out.println("bench: NOTICE: no Prisma reference CLI: the plan scenario's Prisma row and its target are SKIPPED");
        }
        String godwitDb = h.freshDatabase(Provider.POSTGRESQL);
        String prismaDb = h.freshDatabase(Provider.POSTGRESQL);
        int failures = 0;
        try {
            Proc applied = h.godwitCli(List.of(), godwitDb, godwitProject, "apply");
            Proc warmUp = applied.ok() ? h.godwitCli(List.of(), godwitDb, godwitProject, "plan") : applied;
            Proc deployed = prisma ? h.prisma(prismaDb, prismaProject, "migrate deploy") : applied;
            if (!applied.ok() || !warmUp.ok() || !deployed.ok()) {
                System.out.println("bench: plan set-up failed:\n" + Scenarios.tail(applied.output()) + "\n"
                        + Scenarios.tail(warmUp.output()) + "\n" + Scenarios.tail(deployed.output()));
                return 1;
            }
            Table proc = new Table("plan with a " + n + "-migration history, PostgreSQL: whole process, wall time", "ms");
            List<String> contenders = new ArrayList<>(List.of(SECOND, FIRST));
            if (Files.isRegularFile(h.cdsArchive())) {
                contenders.add(1, SECOND_CDS);
            }
            if (prisma) {
                contenders.add(PRISMA);
            }
            for (int rep = 0; rep < s.reps(); rep++) {
                for (String c : Scenarios.rotate(contenders, rep)) {
                    Proc r = switch (c) {
                        case SECOND -> h.godwitCli(List.of(), godwitDb, godwitProject, "plan");
                        case SECOND_CDS -> h.godwitCli(h.cdsFlags(), godwitDb, godwitProject, "plan");
                        case FIRST -> {
                            deleteTree(godwitProject.resolve(".godwit"));
                            yield h.godwitCli(List.of(), godwitDb, godwitProject, "plan");
                        }
                        default -> prismaCreateOnly(prismaDb, prismaProject);
                    };
                    String problem = !r.ok() ? "exit " + r.exit()
                            : (c.equals(SECOND) || c.equals(SECOND_CDS)) && !r.output().contains("from the cache") ? "the replay cache was not used"
                            : c.equals(FIRST) && !r.output().contains("replaying") ? "the history was not replayed"
                            : null;
                    if (problem != null) {
                        failures++;
                        System.out.println("bench: " + c + " failed (" + problem + "):\n" + Scenarios.tail(r.output()));
                        continue;
                    }
                    proc.add(c, Scenarios.ms(r.wallNs()), r.peakRssKb());
                }
            }
            Table session = new Table("plan with a " + n + "-migration history, PostgreSQL: 2nd plan inside one session "
                    + "(godwit -c \"plan; plan\", sum of the 2nd plan's phases)", "ms");
            for (int rep = 0; rep < s.reps(); rep++) {
                Proc r = h.godwitCli(List.of(), Map.of("GODWIT_TIMING", "1"), godwitDb, godwitProject, "-c", "plan; plan");
                List<Long> laps = new ArrayList<>();
                Matcher m = TIMING.matcher(r.output());
                while (m.find()) {
                    laps.add(Long.parseLong(m.group(1)));
                }
                if (!r.ok() || laps.size() < 2 || laps.size() % 2 != 0) {
                    failures++;
                    System.out.println("bench: " + SESSION + " failed (exit " + r.exit() + "):\n" + Scenarios.tail(r.output()));
                    continue;
                }
                session.add(SESSION, laps.subList(laps.size() / 2, laps.size()).stream().mapToLong(Long::longValue).sum(), r.peakRssKb());
            }
            if (session.has(SESSION) && proc.has(PRISMA)) {
                session.add("Prisma migrate dev (median above)", proc.median(PRISMA));
            }
            System.out.print(proc.render());
            System.out.print(session.render());
            if (proc.has(PRISMA)) {
                for (String mine : List.of(SECOND, SECOND_CDS)) {
                    if (proc.has(mine)) {
                        double ratio = proc.median(mine) / proc.median(PRISMA);
                        System.out.printf(Locale.ROOT, "target %s ≥ 10× faster than Prisma (≤ 0.10×): %s (%.2f×, %.1f× faster)%n",
                                mine, ratio <= 0.1 ? "MET" : "NOT MET", ratio, 1 / ratio);
                    }
                }
                if (session.has(SESSION)) {
                    System.out.printf(Locale.ROOT, "inside one session: the 2nd plan takes %.3f× Prisma's process (%.0f× faster)%n",
                            session.median(SESSION) / proc.median(PRISMA), proc.median(PRISMA) / session.median(SESSION));
                }
            } else {
                System.out.println("target plan ≥ 10× faster than Prisma: NOT MEASURED (no Prisma reference CLI)");
            }
        } finally {
            h.dropDatabase(Provider.POSTGRESQL, godwitDb);
            h.dropDatabase(Provider.POSTGRESQL, prismaDb);
        }
        return failures;
    }

    /** Prisma writes a new migration folder; it is removed after each run so every run sees the same history. */
    Proc prismaCreateOnly(String url, Path project) throws Exception {
        Proc r = h.prisma(url, project, "migrate dev --create-only --name extra");
        List<Path> written;
        try (Stream<Path> dirs = Files.list(project.resolve("prisma").resolve("migrations"))) {
            written = dirs.filter(d -> d.getFileName().toString().endsWith("_extra")).toList();
        }
        for (Path d : written) {
            deleteTree(d);
        }
        if (r.ok() && written.isEmpty()) {
            return new Proc(1, r.wallNs(), r.peakRssKb(), r.output() + "\n(bench: Prisma wrote no migration folder)");
        }
        return r;
    }

    /** N migrations, each creating one table, and a schema.prisma with their models plus one new model. */
    Path history(int n) throws IOException {
        Path root = s.workDir().resolve("plan-" + n);
        Path migrations = root.resolve("prisma").resolve("migrations");
        Files.createDirectories(migrations);
        StringBuilder schema = new StringBuilder("generator client {\n  provider = \"prisma-client-js\"\n}\n\n"
                + "datasource db {\n  provider = \"postgresql\"\n}\n");
        for (int i = 1; i <= n; i++) {
            String t = String.format(Locale.ROOT, "T%04d", i);
            Path dir = migrations.resolve(String.format(Locale.ROOT, "2025010100%04d_t%04d", i, i));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("migration.sql"), "-- CreateTable\nCREATE TABLE \"" + t + "\" (\n    \"id\" SERIAL NOT NULL,\n"
                    + "    \"name\" TEXT NOT NULL,\n    \"n\" INTEGER,\n\n    CONSTRAINT \"" + t + "_pkey\" PRIMARY KEY (\"id\")\n);\n",
                    StandardCharsets.UTF_8);
            schema.append("\nmodel ").append(t).append(" {\n  id   Int    @id @default(autoincrement())\n  name String\n  n    Int?\n}\n");
        }
        schema.append("\nmodel Extra {\n  id Int @id @default(autoincrement())\n}\n");
        Files.writeString(root.resolve("prisma").resolve("schema.prisma"), schema, StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("migration_lock.toml"), "# Please do not edit this file manually\n"
                + "# It should be added in your version-control system (e.g., Git)\nprovider = \"postgresql\"\n");
        Files.writeString(root.resolve("prisma.config.ts"), "export default {\n  schema: \"prisma/schema.prisma\",\n"
                + "  migrations: { path: \"prisma/migrations\" },\n  datasource: { url: process.env.DATABASE_URL },\n};\n");
        return root;
    }

    static Path copy(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
