package dev.godwit.bench;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.Provider;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One operation of one contender, timed inside its own JVM. Run as
 * {@code java -jar godwit-bench.jar one CONTENDER OP URL PROJECT_DIR}; prints
 * {@code BENCH elapsed_ns=N} so the caller gets both the in-process time and,
 * from the outside, the whole process's wall time.
 */
final class Contenders {
    private Contenders() {
    }

    static int one(String contender, String op, String url, Path project) throws Exception {
        DatabaseUrl db = DatabaseUrl.parse(url);
        long t0 = System.nanoTime();
        String result = switch (contender + " " + op) {
            case "godwit apply" -> godwitApply(db, project);
            case "godwit status" -> godwitStatus(db, project);
            case "godwit introspect" -> "tables=" + LiveSchema.read(Connections.target(db, Connections.direct(db))).tables().size();
            case "flyway apply" -> flywayApply(db, project);
            case "flyway status" -> flywayInfo(db, project);
            case "jdbc apply" -> jdbcApply(db, project);
            default -> throw new IllegalArgumentException("unknown contender/operation: " + contender + " " + op);
        };
        long took = System.nanoTime() - t0;
        System.out.println("BENCH elapsed_ns=" + took + " " + result);
        return 0;
    }

    /** Repeated status calls in one long-lived session (the shell's case); prints the median. */
    static int warm(String contender, String url, Path project, int calls) throws Exception {
        DatabaseUrl db = DatabaseUrl.parse(url);
        long[] times = new long[calls];
        if (contender.equals("godwit")) {
            try (var pool = Connections.pooled(db, 2)) {
                Migrator migrator = new Migrator(Connections.target(db, pool));
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    StatusReport r = migrator.status(MigrationsFolder.read(migrationsDir(project), db.provider()));
                    times[i] = System.nanoTime() - t0;
                    if (r.migrations().isEmpty()) {
                        throw new IllegalStateException("no migrations seen");
                    }
                }
            }
        } else if (contender.equals("flyway")) {
            Flyway flyway = flyway(db, project);
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                int n = flyway.info().all().length;
                times[i] = System.nanoTime() - t0;
                if (n == 0) {
                    throw new IllegalStateException("no migrations seen");
                }
            }
        } else {
            throw new IllegalArgumentException("unknown contender " + contender);
        }
        // The first calls warm the JIT and the pool; the steady state is what a session sees.
        long[] steady = Arrays.copyOfRange(times, Math.min(calls - 1, calls / 5), calls);
        Arrays.sort(steady);
        System.out.println("BENCH median_ns=" + steady[steady.length / 2] + " first_ns=" + times[0]);
        return 0;
    }

    static Path migrationsDir(Path project) {
        return project.resolve("prisma").resolve("migrations");
    }

    private static String godwitApply(DatabaseUrl db, Path project) {
        Target target = Connections.target(db, Connections.direct(db));
        ApplyResult r = new Migrator(target).apply(MigrationsFolder.read(migrationsDir(project), db.provider()),
                Migrator.DEFAULT_LOCK_TIMEOUT, false, ApplyListener.NONE);
        return "applied=" + r.applied().size();
    }

    private static String godwitStatus(DatabaseUrl db, Path project) {
        Target target = Connections.target(db, Connections.direct(db));
        StatusReport r = new Migrator(target).status(MigrationsFolder.read(migrationsDir(project), db.provider()));
        return "migrations=" + r.migrations().size();
    }

    private static Flyway flyway(DatabaseUrl db, Path project) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("filesystem:" + project.resolve("flyway"))
                .load();
    }

    private static String flywayApply(DatabaseUrl db, Path project) {
        return "applied=" + flyway(db, project).migrate().migrationsExecuted;
    }

    private static String flywayInfo(DatabaseUrl db, Path project) {
        return "migrations=" + flyway(db, project).info().all().length;
    }

    /**
     * The floor: the same statements with the same transaction boundaries and no
     * bookkeeping. One transaction per migration on PostgreSQL; autocommitted
     * statements on MySQL/MariaDB (where DDL commits itself anyway).
     */
    private static String jdbcApply(DatabaseUrl db, Path project) throws IOException, SQLException {
        List<Path> files;
        try (Stream<Path> dirs = Files.list(migrationsDir(project))) {
            files = dirs.filter(Files::isDirectory).sorted().map(d -> d.resolve("migration.sql")).toList();
        }
        boolean pg = db.provider() == Provider.POSTGRESQL;
        Properties props = db.jdbcProperties();
        int n = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), props); Statement st = c.createStatement()) {
            c.setAutoCommit(!pg);
            for (Path f : files) {
                for (String s : statements(Files.readString(f, StandardCharsets.UTF_8))) {
                    st.execute(s);
                }
                if (pg) {
                    c.commit();
                }
                n++;
            }
        }
        return "applied=" + n;
    }

    /** The generated files hold one statement per line, each ending in ';'. */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("--")) {
                out.add(t.endsWith(";") ? t.substring(0, t.length() - 1) : t);
            }
        }
        return out;
    }
}
