package dev.godwit.engine.plan;

import dev.godwit.engine.Provider;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A plan renders migration.sql and down.sql from its planned statements: for every schema and evolution pair of
 * the conformance corpus, both scripts are byte for byte what the dialect writes for the whole list of changes
 * (with the findings' comment block), each change is carried out by exactly one statement, in order, and the
 * statements' findings are the plan's.
 */
class PlanRenderingTest {
    private static final Dialect PG = Dialect.of(Provider.POSTGRESQL);

    @TestFactory
    Stream<DynamicTest> everyConformanceCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String corpus : List.of("prisma-7.10", "godwit-extra")) {
            for (Path dir : folders(resource(corpus))) {
                if (Files.exists(dir.resolve("schema.prisma")) && !Files.exists(dir.resolve("expected.error.txt"))) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(),
                            () -> check(Schema.empty("public"), map(dir.resolve("schema.prisma")))));
                } else if (Files.exists(dir.resolve("to.prisma"))) {
                    tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(),
                            () -> check(map(dir.resolve("from.prisma")), map(dir.resolve("to.prisma")))));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Schema from, Schema to) {
        Plan plan = Plan.build(from, to, PG, null);
        List<Change> changes = Differ.diff(from, to, PG.diffHooks());
        List<Finding> findings = DataLossCheck.check(changes, from, null);
        assertEquals(Plan.header("Warnings", findings.stream().map(Finding::message).toList()) + PG.ddlWriter().script(changes),
                plan.script());
        assertEquals(Plan.header("Warnings", plan.downWarnings()) + PG.ddlWriter().script(Differ.diff(to, from, PG.diffHooks())),
                plan.downScript());
        List<Change> carried = plan.statements().stream().flatMap(s -> s.changes().stream()).toList();
        assertEquals(plan.changes().size(), carried.size(), "every change in exactly one statement");
        for (int i = 0; i < carried.size(); i++) {
            assertSame(plan.changes().get(i), carried.get(i), "change " + i + " in order");
        }
        assertEquals(plan.findings(), plan.statements().stream().flatMap(s -> s.findings().stream()).toList());
        assertEquals(Renames.none().diff(from, to, PG.diffHooks()), plan.changes());
    }

    private static Schema map(Path file) {
        return Psl.parse("schema.prisma", SchemaCorpus.read(file)).toSchema("public");
    }

    private static Path resource(String name) {
        try {
            return Path.of(PlanRenderingTest.class.getResource("/conformance/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> folders(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
