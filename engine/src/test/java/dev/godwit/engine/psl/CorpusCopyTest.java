package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The conformance tests read the copy under test resources, so they never need {@code shared/}. When
 * {@code shared/} sits beside the repository (as on CI: {@code <repo>/../shared}; or {@code -Dgodwit.shared=DIR}), the copy must equal it.
 */
class CorpusCopyTest {

    @Test
    void copyEqualsSharedCorpusWhenPresent() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        if (Files.exists(repo.resolve("pom.xml")) && Files.isDirectory(repo.resolve("src"))) {
            repo = repo.getParent(); // running in engine/
        }
        String override = System.getProperty("godwit.shared");
        Path shared = (override != null ? Path.of(override) : repo.resolve("../shared")).resolve("conformance/prisma-7.10").normalize();
        assumeTrue(Files.isDirectory(shared), "no shared corpus at " + shared);
        Path copy = ConformanceTest.resource("prisma-7.10");
        List<Path> sharedFiles = files(shared);
        assertEquals(sharedFiles.stream().map(p -> shared.relativize(p).toString()).toList(),
                files(copy).stream().map(p -> copy.relativize(p).toString()).toList(), "files differ: refresh the copy from " + shared);
        for (Path f : sharedFiles) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(copy.resolve(shared.relativize(f).toString())), "differs: " + f);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
