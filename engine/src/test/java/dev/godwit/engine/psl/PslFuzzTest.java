package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input never breaks the reader: every conformance schema cut at every token boundary, and
 * randomly mutated (seeded), gives either a schema or a {@link PslException} whose errors all have
 * positions inside the text. Nothing else is thrown, no internal failure is wrapped, and the parser's
 * work stays linear in the input (a step count, not a clock).
 */
class PslFuzzTest {
    private static final String ALPHABET = "{}()[]@\"\n:,=?./\\ \t-_aZ09@@///\u00e9\u0000";

    static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("prisma-7.10", "godwit-extra")) {
            try (Stream<Path> files = Files.walk(ConformanceTest.resource(dir))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".prisma")).sorted().toList()) {
                    texts.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    static void check(String text) {
        try {
            Psl.parse("schema.prisma", text);
        } catch (PslException e) {
            assertTrue(!e.errors().isEmpty(), "an exception without errors");
            for (PslError err : e.errors()) {
                assertTrue(err.span().start() >= 0 && err.span().start() <= text.length() && err.span().end() <= text.length()
                        && err.span().start() <= err.span().end(), "error outside the text: " + err);
                assertTrue(!err.message().startsWith("The schema could not be") && !err.message().contains("step limit"),
                        "internal failure on input:\n" + text + "\n" + err.message());
            }
            assertEquals(e.errors().size(), e.locations().size());
            assertTrue(e.getMessage().contains("-->  schema.prisma:"), e.getMessage());
        } catch (Throwable t) {
            fail("unexpected " + t + " for input:\n" + text, t);
        }
        long steps = Parser.LAST_STEPS.get();
        assertTrue(steps <= 64L * (text.length() + 2) + 1024, "parser took " + steps + " steps for " + text.length() + " characters");
    }

    @Test
    void truncatedAtEveryTokenBoundary() throws IOException {
        int inputs = 0;
        for (String text : corpus()) {
            TreeSet<Integer> cuts = new TreeSet<>();
            for (Token t : Lexer.tokens(text, new ArrayList<>())) {
                cuts.add(t.span().start());
                cuts.add(t.span().end());
            }
            for (int cut : cuts) {
                check(text.substring(0, cut));
                inputs++;
            }
        }
        assertTrue(inputs > 1000, "only " + inputs + " inputs");
    }

    @Test
    void randomMutations() throws IOException {
        Random random = new Random(20261125L);
        for (String text : corpus()) {
            for (int round = 0; round < 150; round++) {
                StringBuilder sb = new StringBuilder(text);
                int edits = 1 + random.nextInt(6);
                for (int i = 0; i < edits && sb.length() > 0; i++) {
                    int at = random.nextInt(sb.length());
                    char c = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> sb.setCharAt(at, c);
                        case 1 -> sb.insert(at, c);
                        default -> sb.deleteCharAt(at);
                    }
                }
                check(sb.toString());
            }
        }
    }

    @Test
    void deepNestingAndLongInputs() {
        check("model A {\n id Int @default(" + "[".repeat(5000) + ")\n}");
        check("model A {\n id Int @default(" + "f(".repeat(5000) + ")\n}");
        check("\"".repeat(10000));
        check("model ".repeat(3000));
        check("@@".repeat(3000) + "}".repeat(3000) + "{".repeat(3000));
        check("datasource db { provider = env(env(env(\"x\"))) }\nmodel A { id Int @id @a.b.c.d(1, 2, x: [3]) }");
    }
}
