package dev.godwit.engine.psl;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * godwit against the SQL that the real Prisma 7.10.1 produced (test resources {@code conformance/}: a
 * copy of {@code shared/conformance/prisma-7.10} and godwit's own extra cases, made with prisma-ref).
 * <ul>
 * <li>single schema: Prisma's SQL on one database (S1); godwit's mapping of the schema (S2) and its
 *     script on another database (S3): S1 = S3 and S1 = S2, column order aside;</li>
 * <li>evolution pair: godwit's script for {@code from}, then its script from {@code from} to {@code to},
 *     leaves the catalog Prisma's from-scratch SQL for {@code to} gives;</li>
 * <li>rejected schema: godwit rejects it and names the same lines (case 10 also the same number of errors).</li>
 * </ul>
 */
class ConformanceTest {
    private static final Pattern LOCATION = Pattern.compile("-->\\s+schema\\.prisma:(\\d+)");
    private static final Dialect PG = Dialect.of(Provider.POSTGRESQL);

    static Path resource(String name) {
        try {
            return Path.of(ConformanceTest.class.getResource("/conformance/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> prisma710() {
        return cases(resource("prisma-7.10"));
    }

    @TestFactory
    Stream<DynamicTest> godwitExtra() {
        return cases(resource("godwit-extra"));
    }

    /** The corpus's schemas with provider mysql that Prisma 7.10.1 rejects for MySQL: godwit names the same lines. */
    @TestFactory
    Stream<DynamicTest> mysqlRejected() {
        return cases(resource("godwit-mysql-rejected"));
    }

    static Stream<DynamicTest> cases(Path root) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : folders(root)) {
            String name = dir.getFileName().toString();
            if (Files.exists(dir.resolve("expected.error.txt"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> rejected(dir)));
            } else if (Files.exists(dir.resolve("schema.prisma"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> single(dir)));
            } else if (Files.exists(dir.resolve("to.prisma"))) {
                tests.add(DynamicTest.dynamicTest(name, () -> evolution(dir)));
            }
        }
        return tests.stream();
    }

    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema map(Path file) {
        return Psl.parse("schema.prisma", SchemaCorpus.read(file)).toSchema("public");
    }

    static String script(Schema from, Schema to) {
        return PG.ddlWriter().script(Differ.diff(from, to, PG.diffHooks()));
    }

    static void single(Path dir) {
        Schema s2 = map(dir.resolve("schema.prisma"));
        List<Change> changes = Differ.diff(Schema.empty("public"), s2, PG.diffHooks());
        String script = PG.ddlWriter().script(changes);
        try (TestDatabase prisma = TestDatabases.postgres(); TestDatabase godwit = TestDatabases.postgres()) {
            SchemaCorpus.load(prisma, dir.resolve("expected.postgresql.sql"));
            Schema s1 = SchemaCorpus.inspect(prisma);
            SchemaCorpus.run(godwit, PG.ddlWriter().statements(changes));
            Schema s3 = SchemaCorpus.inspect(godwit);
            assertEquals(SchemaCorpus.ignoringColumnOrder(s1), SchemaCorpus.ignoringColumnOrder(s3), "godwit's script:\n" + script);
            assertEquals(List.of(), Differ.diff(s1, s3, PG.diffHooks()));
            assertEquals(SchemaCorpus.ignoringColumnOrder(s1), SchemaCorpus.ignoringColumnOrder(s2), "mapping differs from the catalog");
            assertEquals(List.of(), Differ.diff(s1, s2, PG.diffHooks()));
        }
    }

    static void evolution(Path dir) {
        Schema from = map(dir.resolve("from.prisma"));
        Schema to = map(dir.resolve("to.prisma"));
        Path target = dir.getParent().getParent().resolve("godwit-extra/evolution-targets/" + dir.getFileName() + ".to.postgresql.sql");
        if (!Files.exists(target)) {
            target = dir.resolve("expected.to.postgresql.sql");
        }
        List<Change> forward = Differ.diff(from, to, PG.diffHooks());
        try (TestDatabase db = TestDatabases.postgres(); TestDatabase prisma = TestDatabases.postgres()) {
            SchemaCorpus.run(db, PG.ddlWriter().statements(Differ.diff(Schema.empty("public"), from, PG.diffHooks())));
            SchemaCorpus.run(db, PG.ddlWriter().statements(forward));
            Schema after = SchemaCorpus.inspect(db);
            SchemaCorpus.load(prisma, target);
            Schema expected = SchemaCorpus.inspect(prisma);
            String script = PG.ddlWriter().script(forward);
            assertEquals(SchemaCorpus.ignoringColumnOrder(expected), SchemaCorpus.ignoringColumnOrder(after), "godwit's script:\n" + script);
            assertEquals(List.of(), Differ.diff(expected, after, PG.diffHooks()));
            assertEquals(SchemaCorpus.ignoringColumnOrder(expected), SchemaCorpus.ignoringColumnOrder(to), "mapping of to.prisma");
        }
    }

    static void rejected(Path dir) {
        String text = SchemaCorpus.read(dir.resolve("schema.prisma"));
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", text));
        List<Integer> expected = new ArrayList<>();
        Matcher m = LOCATION.matcher(SchemaCorpus.read(dir.resolve("expected.error.txt")));
        while (m.find()) {
            expected.add(Integer.valueOf(m.group(1)));
        }
        // Prisma repeats some relation errors (once per side and argument): compare the lines named
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(e.lines()), e.getMessage());
        if (expected.size() == new java.util.HashSet<>(expected).size()) {
            // as many errors as Prisma (its order is that of its passes; godwit reports by position)
            assertEquals(expected.size(), e.lines().size(), "one error per line:\n" + e.getMessage());
        }
    }
}
