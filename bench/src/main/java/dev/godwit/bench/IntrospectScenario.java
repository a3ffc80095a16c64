package dev.godwit.bench;

import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.Provider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Introspection of a generated schema (2,000 tables; 100 with --quick): godwit reading it whole,
 * against the database's own schema dump tool on the same database, pg_dump --schema-only on
 * PostgreSQL and mysqldump --no-data on MariaDB/MySQL.
 */
final class IntrospectScenario {
    /** The counterpart of a schema dump: the database's schema as the SQL that creates it. */
    private static final String GODWIT_SQL = "godwit CLI: diff empty→database --script";
    private static final String GODWIT_SQL_CDS = "godwit CLI + AppCDS: same";
    private static final String GODWIT_PULL = "godwit CLI: pull --print";
    private static final String GODWIT_ENGINE = "godwit engine: read the schema";
    private static final String PG_DUMP = "pg_dump --schema-only";
    private static final String MYSQLDUMP = "mysqldump --no-data";

    private final Scenarios h;
    private final Settings s;

    IntrospectScenario(Scenarios harness) {
        this.h = harness;
        this.s = harness.settings();
    }

    int run() throws Exception {
        int tables = s.sizeOr(100, 2000);
        int failures = 0;
        for (Provider p : h.providers()) {
            String dump = p == Provider.POSTGRESQL ? PG_DUMP : MYSQLDUMP;
            String tool = p == Provider.POSTGRESQL ? "pg_dump" : "mysqldump";
            if (!onPath(tool)) {
                System.out.println("bench: NOTICE: " + tool + " is not installed; introspection on " + Scenarios.name(p) + " is SKIPPED");
                continue;
            }
            String db = h.freshDatabase(p);
            try {
                long t0 = System.nanoTime();
                generate(p, db, tables);
                System.out.printf(Locale.ROOT, "bench: %s: generated %d tables (10 columns, 2 indexes, 1 foreign key each) in %.1f s%n",
                        Scenarios.name(p), tables, (System.nanoTime() - t0) / 1e9);
                Path project = project(p);
                Table proc = new Table("introspect " + tables + " tables, " + Scenarios.name(p) + ": whole process, wall time", "ms");
                Table inner = new Table("introspect " + tables + " tables, " + Scenarios.name(p) + ": in-process (operation only, fresh JVM)", "ms");
                List<String> contenders = new ArrayList<>(List.of(GODWIT_SQL, GODWIT_PULL, GODWIT_ENGINE, dump));
                if (Files.isRegularFile(h.cdsArchive())) {
                    contenders.add(1, GODWIT_SQL_CDS);
                }
                for (int rep = 0; rep < s.reps(); rep++) {
                    for (String c : Scenarios.rotate(contenders, rep)) {
                        Proc r = switch (c) {
                            case GODWIT_SQL -> h.godwitCli(List.of(), db, project, "diff", "--from", "empty", "--to", "database", "--script");
                            case GODWIT_SQL_CDS -> h.godwitCli(h.cdsFlags(), db, project, "diff", "--from", "empty", "--to", "database", "--script");
                            case GODWIT_PULL -> h.godwitCli(List.of(), db, project, "pull", "--print");
                            case GODWIT_ENGINE -> h.one("godwit", "introspect", db, project);
                            default -> dump(p, db);
                        };
                        if (!r.ok() || (c.equals(GODWIT_ENGINE) && !r.output().contains("tables=" + tables))) {
                            failures++;
                            System.out.println("bench: " + c + " failed (exit " + r.exit() + "):\n" + Scenarios.tail(r.output()));
                            continue;
                        }
                        proc.add(c.equals(GODWIT_ENGINE) ? "godwit engine (bench jar process)" : c, Scenarios.ms(r.wallNs()), r.peakRssKb());
                        if (c.equals(GODWIT_ENGINE)) {
                            inner.add(c, Scenarios.ms(r.innerNs()), r.peakRssKb());
                        }
                    }
                }
                System.out.print(proc.render());
                System.out.print(inner.render());
                target(proc, GODWIT_SQL, dump);
                target(proc, GODWIT_SQL_CDS, dump);
                target(proc, GODWIT_PULL, dump);
                if (inner.has(GODWIT_ENGINE) && proc.has(dump)) {
                    System.out.printf(Locale.ROOT, "in-process: godwit reads the schema in %.2f× the time of the whole %s process%n",
                            inner.median(GODWIT_ENGINE) / proc.median(dump), tool);
                }
            } finally {
                h.dropDatabase(p, db);
            }
        }
        return failures;
    }

    private static void target(Table t, String mine, String dump) {
        if (t.has(mine) && t.has(dump)) {
            double ratio = t.median(mine) / t.median(dump);
            System.out.printf(Locale.ROOT, "target %s ≤ 1.0× %s: %s (%.2f×)%n", mine, dump, ratio <= 1.0 ? "MET" : "NOT MET", ratio);
        }
    }

    /** The schema dump tool on the same database, its output read like godwit's. */
    private Proc dump(Provider p, String url) throws Exception {
        DatabaseUrl u = DatabaseUrl.parse(url);
        Map<String, String> env = new LinkedHashMap<>();
        List<String> cmd;
        if (p == Provider.POSTGRESQL) {
            cmd = List.of("pg_dump", "--schema-only", "-h", u.host(), "-p", Integer.toString(u.port()),
                    "-U", u.user() == null ? "postgres" : u.user(), "-d", u.database());
            if (u.password() != null) {
                env.put("PGPASSWORD", u.password());
            }
        } else {
            cmd = List.of("mysqldump", "--no-data", "-h", u.host(), "-P", Integer.toString(u.port()),
                    "-u", u.user() == null ? "root" : u.user(), u.database());
            if (u.password() != null) {
                env.put("MYSQL_PWD", u.password());
            }
        }
        return h.run(cmd, env);
    }

    /** A project folder for godwit pull: the schema file names the provider. */
    private Path project(Provider p) throws Exception {
        Path dir = s.workDir().resolve("introspect-" + p.prismaName());
        Files.createDirectories(dir.resolve("prisma"));
        Files.writeString(dir.resolve("prisma").resolve("schema.prisma"), "datasource db {\n  provider = \"" + p.prismaName() + "\"\n}\n");
        return dir;
    }

    /** Tables t0000…: an id, nine typed columns and a reference to the previous table; an index on c1, a unique one on (c2, c3). */
    static void generate(Provider p, String url, int n) throws SQLException {
        DatabaseUrl u = DatabaseUrl.parse(url);
        boolean pg = p == Provider.POSTGRESQL;
        String[] types = pg
                ? new String[]{"INTEGER NOT NULL", "TEXT", "VARCHAR(100) NOT NULL", "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP",
                        "BOOLEAN NOT NULL DEFAULT false", "DECIMAL(10,2)", "BIGINT", "JSONB", "DATE"}
                : new String[]{"INTEGER NOT NULL", "VARCHAR(191) NULL", "VARCHAR(100) NOT NULL", "DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)",
                        "BOOLEAN NOT NULL DEFAULT false", "DECIMAL(10,2)", "BIGINT", "JSON", "DATE"};
        try (Connection c = DriverManager.getConnection(u.jdbcUrl(), u.jdbcProperties()); Statement st = c.createStatement()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String t = table(i);
                String prev = table(i == 0 ? 0 : i - 1);
                StringBuilder sql = new StringBuilder();
                if (pg) {
                    sql.append("CREATE TABLE \"").append(t).append("\" (\"id\" SERIAL NOT NULL");
                    for (int col = 1; col < types.length; col++) {
                        sql.append(", \"c").append(col).append("\" ").append(types[col]);
                    }
                    sql.append(", \"ref\" INTEGER, CONSTRAINT \"").append(t).append("_pkey\" PRIMARY KEY (\"id\"));\n")
                            .append("CREATE INDEX \"").append(t).append("_c1_idx\" ON \"").append(t).append("\"(\"c1\");\n")
                            .append("CREATE UNIQUE INDEX \"").append(t).append("_c2_c3_key\" ON \"").append(t).append("\"(\"c2\", \"c3\");\n")
                            .append("ALTER TABLE \"").append(t).append("\" ADD CONSTRAINT \"").append(t).append("_ref_fkey\" FOREIGN KEY (\"ref\") ")
                            .append("REFERENCES \"").append(prev).append("\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n");
                    batch.append(sql);
                    if (i % 100 == 99 || i == n - 1) {
                        st.execute(batch.toString());
                        batch.setLength(0);
                    }
                } else {
                    // One statement per table: MariaDB commits each DDL statement anyway.
                    sql.append("CREATE TABLE `").append(t).append("` (`id` INTEGER NOT NULL AUTO_INCREMENT");
                    for (int col = 1; col < types.length; col++) {
                        sql.append(", `c").append(col).append("` ").append(types[col]);
                    }
                    sql.append(", `ref` INTEGER NULL, PRIMARY KEY (`id`), INDEX `").append(t).append("_c1_idx`(`c1`), UNIQUE INDEX `")
                            .append(t).append("_c2_c3_key`(`c2`, `c3`), CONSTRAINT `").append(t).append("_ref_fkey` FOREIGN KEY (`ref`) ")
                            .append("REFERENCES `").append(prev).append("`(`id`) ON DELETE SET NULL ON UPDATE CASCADE")
                            .append(") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                    st.execute(sql.toString());
                }
            }
            if (pg) {
                st.execute("ANALYZE");
            }
        }
    }

    private static String table(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
