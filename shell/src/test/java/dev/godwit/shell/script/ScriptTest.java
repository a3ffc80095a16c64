package dev.godwit.shell.script;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CLI scenarios as data: every {@code .txtar} file under src/test/resources/scripts, once per database family it
 * names (a fresh database each), or once without a database. {@code -Dgodwit.script=NAME} runs the files whose
 * name contains NAME.
 */
class ScriptTest {
    private static final Path DIR = Path.of("src/test/resources/scripts");

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        String only = System.getProperty("godwit.script", "");
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DIR)) {
            files = list.filter(p -> p.toString().endsWith(".txtar")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new AssertionError("no scenarios in " + DIR.toAbsolutePath());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.contains(only)) {
                continue;
            }
            Txtar archive = Txtar.parse(Files.readString(file, StandardCharsets.UTF_8));
            List<String> families = ScriptRunner.families(archive);
            if (families.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> inTempDir(name, archive, null)));
            }
            for (String family : families) {
                tests.add(DynamicTest.dynamicTest(name + " [" + family + "]", file.toUri(), () -> inTempDir(name, archive, family)));
            }
        }
        return tests.stream();
    }

    private static void inTempDir(String name, Txtar archive, String family) throws IOException {
        Path work = Files.createTempDirectory("godwit-script-");
        try {
            ScriptRunner.run(name, archive, family, work);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
