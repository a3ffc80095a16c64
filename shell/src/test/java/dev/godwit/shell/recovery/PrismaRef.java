package dev.godwit.shell.recovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real Prisma 7.10.1 CLI of {@code /tmp/prisma-ref} (see shared/tools/prisma-ref), run against a test
 * database to check that it reads the history godwit leaves the same way. Absent, the check is skipped with
 * a notice, never passed silently.
 */
final class PrismaRef {
    private static final Path HOME = Path.of("/tmp/prisma-ref");
    private static boolean noticePrinted;

    private PrismaRef() {
    }

    static boolean available() {
        boolean there = Files.isRegularFile(HOME.resolve("env.sh"));
        if (!there) {
            synchronized (PrismaRef.class) {
                if (!noticePrinted) {
                    System.err.println("NOTICE: checks against the real Prisma CLI SKIPPED: /tmp/prisma-ref is absent "
                            + "(set it up with shared/tools/prisma-ref/setup.sh)");
                    noticePrinted = true;
                }
            }
        }
        return there;
    }

    record Result(int exitCode, String output) {
    }

    /** {@code prisma migrate status} in the project folder against {@code url}; empty when prisma-ref is absent. */
    static Optional<Result> migrateStatus(Path project, String url) throws IOException, InterruptedException {
        if (!available()) {
            return Optional.empty();
        }
        Files.writeString(project.resolve("prisma.config.ts"), "export default {\n  schema: \"prisma/schema.prisma\",\n"
                + "  migrations: { path: \"prisma/migrations\" },\n  datasource: { url: process.env.DATABASE_URL },\n};\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "source /tmp/prisma-ref/env.sh && prisma migrate status")
                .directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("DATABASE_URL", url);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("prisma migrate status did not finish");
        }
        return Optional.of(new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8)));
    }
}
