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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapes found in public Prisma projects' histories (test resources {@code realworld-shapes/}, see its
 * README), each on a real database: the history's SQL is loaded, then the plan from it to
 * {@code schema.prisma} must be {@code expected.sql} (or, without that file, {@code prisma.sql}: what
 * Prisma 7.10.1's {@code migrate diff --from-migrations … --to-schema … --script} printed; empty means no
 * change); after running the plan nothing is left to plan; and the database pulls back into a schema that
 * maps to what it holds, containing the lines of {@code pulled.txt} when there is one.
 */
class RealWorldShapesTest {

    @TestFactory
    Stream<DynamicTest> shapes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : folders(root())) {
            for (Path side : folders(dir)) {
                String provider = side.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + "/" + provider, () -> check(side,
                        provider.equals("mysql") ? Provider.MYSQL : Provider.POSTGRESQL)));
            }
        }
        return tests.stream();
    }

    private static void check(Path side, Provider provider) {
        Dialect dialect = Dialect.of(provider);
        try (TestDatabase db = provider == Provider.MYSQL ? TestDatabases.mysql() : TestDatabases.postgres()) {
            SchemaCorpus.load(db, side.resolve("history.sql"));
            Schema live = SchemaCorpus.inspect(db);
            Schema mapped = Psl.parse("schema.prisma", SchemaCorpus.read(side.resolve("schema.prisma"))).toSchema(db.schema());
            Schema target = Unrepresented.keep(live, mapped, provider);
            List<Change> changes = Differ.diff(live, target, dialect.diffHooks());
            String script = dialect.ddlWriter().script(changes);
            Path expected = Files.exists(side.resolve("expected.sql")) ? side.resolve("expected.sql") : side.resolve("prisma.sql");
            assertEquals(statements(SchemaCorpus.read(expected)), statements(script), "plan from the history to schema.prisma");
            if (!changes.isEmpty()) {
                SchemaCorpus.run(db, dialect.ddlWriter().statements(changes));
                Schema after = SchemaCorpus.inspect(db);
                assertEquals(List.of(), Differ.diff(after, Unrepresented.keep(after, mapped, provider), dialect.diffHooks()),
                        "after the plan ran:\n" + script);
            }
            String pulled = PullRoundTripTest.assertPullsBack(db);
            if (Files.exists(side.resolve("pulled.txt"))) {
                for (String line : SchemaCorpus.read(side.resolve("pulled.txt")).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                    String want = line.replaceAll("\\s+", " ");
                    assertTrue(pulled.lines().map(l -> l.strip().replaceAll("\\s+", " ")).anyMatch(l -> l.equals(want)),
                            "pulled schema has no line `" + line + "`:\n" + pulled);
                }
            }
        }
    }

    private static Path root() {
        try {
            return Path.of(RealWorldShapesTest.class.getResource("/realworld-shapes").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements of a script, without comments, blank lines and runs of spaces. */
    static List<String> statements(String script) {
        String body = script.lines().map(l -> l.replaceAll("--.*$", "").strip()).filter(l -> !l.isEmpty())
                .collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
        return Stream.of(body.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
