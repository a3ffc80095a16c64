package dev.godwit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What scripts/bench passes in through the environment. */
record Settings(String pgUrl, String mysqlUrl, Path godwitJar, Path benchJar, List<String> javaOpts, Path prismaRef,
                boolean quick, int reps, int size, boolean sizeGiven, String db, Path workDir) {

    static Settings fromEnvironment(boolean quick, Integer reps, Integer size, String db) throws Exception {
        String opts = env("BENCH_JAVA_OPTS", "-Xss1m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto");
        Path prisma = null;
        String ref = System.getenv("BENCH_PRISMA_REF");
        if (ref != null && !ref.isBlank() && Files.isRegularFile(Path.of(ref, "env.sh"))) {
            prisma = Path.of(ref);
        }
        Path work = Files.createTempDirectory("godwit-bench-");
        return new Settings(
                env("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
                env("BENCH_MYSQL_URL", "mysql://root@127.0.0.1:3306/mysql"),
                Path.of(env("BENCH_GODWIT_JAR", "shell/target/godwit.jar")),
                Path.of(env("BENCH_JAR", "bench/target/godwit-bench.jar")),
                Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                prisma, quick,
                reps != null ? reps : (quick ? 1 : 5),
                size != null ? size : (quick ? 50 : 1000), size != null,
                db, work);
    }

    /** A scenario's own size (tables, history length): --size when given, else its quick or full default. */
    int sizeOr(int quickSize, int fullSize) {
        return sizeGiven ? size : (quick ? quickSize : fullSize);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
