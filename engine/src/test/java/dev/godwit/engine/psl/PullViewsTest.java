package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code pull} on a PostgreSQL database with views, against what Prisma 7.10.1's {@code db pull} wrote for the same
 * database (test resources {@code conformance/views-pull/}, see its README): view blocks only with the {@code views}
 * preview feature, and then the same blocks and the same {@code views/<schema>/<name>.sql} files.
 */
class PullViewsTest {
    private static final Pattern VIEW = Pattern.compile("(?ms)^view \\w+ \\{.*?^}\\n");
    private static final String DATASOURCE = "datasource db {\n  provider = \"postgresql\"\n}";
    private static final String GENERATOR = "generator client {\n  provider        = \"prisma-client\"\n  output          = \"./generated\"\n"
            + "  previewFeatures = [\"views\"]\n}\n\n";

    @Test
    void viewBlocksAndFilesAreWhatPrismaWrites() throws IOException {
        Path dir = ConformanceTest.resource("views-pull");
        try (TestDatabase db = TestDatabases.postgres()) {
            SchemaCorpus.load(db, dir.resolve("setup.sql"));
            Schema live = SchemaCorpus.inspect(db);

            PslWriter.Pulled without = PslWriter.pull(live, Provider.POSTGRESQL, DATASOURCE);
            assertEquals(List.of(), views(without.text()), without.text());
            assertEquals(List.of(), views(Files.readString(dir.resolve("pulled.prisma"))));
            assertEquals(0, without.viewFiles().size());

            PslWriter.Pulled with = PslWriter.pull(live, Provider.POSTGRESQL, GENERATOR + DATASOURCE);
            assertEquals(views(Files.readString(dir.resolve("pulled.views.prisma"))), views(with.text()), with.text());
            List<String> prismaFiles;
            try (Stream<Path> s = Files.walk(dir.resolve("views"))) {
                prismaFiles = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
            }
            assertEquals(prismaFiles, with.viewFiles().keySet().stream().sorted().toList());
            // the text is the database's own; Prisma reformats it: the same words once spaces and case are set aside
            for (String f : prismaFiles) {
                assertEquals(words(Files.readString(dir.resolve(f))), words(with.viewFiles().get(f)), f);
            }
            // the file still reads, views and all
            Psl.parse("schema.prisma", with.text());
        }
    }

    /** MySQL: the same rules (Prisma's wasm engine has no MySQL connector to compare with); the file still reads. */
    @Test
    void mysqlViewsBecomeViewBlocksWithTheirColumns() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabases.mysqlAvailable(), "no MySQL/MariaDB configured");
        try (TestDatabase db = TestDatabases.mysql()) {
            SchemaCorpus.run(db, List.of("CREATE TABLE `User` (id INT NOT NULL PRIMARY KEY, email VARCHAR(191) NOT NULL, active BOOLEAN NOT NULL)",
                    "CREATE VIEW `active users` AS SELECT id, email FROM `User` WHERE active"));
            Schema live = SchemaCorpus.inspect(db);
            String datasource = "datasource db {\n  provider = \"mysql\"\n}";
            PslWriter.Pulled with = PslWriter.pull(live, Provider.MYSQL, GENERATOR + datasource);
            assertEquals(List.of("view active_users {\n  id    Int\n  email String\n\n  @@map(\"active users\")\n}\n"),
                    views(with.text()), with.text());
            assertEquals(List.of("views/" + db.schema() + "/active_users.sql"), List.copyOf(with.viewFiles().keySet()));
            Psl.parse("schema.prisma", with.text());
            assertEquals(List.of(), views(PslWriter.pull(live, Provider.MYSQL, datasource).text()));
        }
    }

    private static List<String> views(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = VIEW.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String words(String sql) {
        return sql.replaceAll("[\\s()]+", "").replace("::", "").toLowerCase(java.util.Locale.ROOT);
    }
}
