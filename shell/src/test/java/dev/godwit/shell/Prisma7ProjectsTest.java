package dev.godwit.shell;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole Prisma 7 projects, as their teams keep them (prisma.config.*, schema folders, migrations, seeds, no
 * godwit.toml), run through godwit. Each folder under {@code prisma7-projects/} holds a project and a
 * {@code steps.txt}:
 * <pre>
 * database postgresql|mysql     a fresh database for the case; {url} is its URL, {dir} the project folder
 * env NAME=VALUE                in the process environment of every step
 * &gt; ARGS                       run godwit --project DIR ARGS
 * exit N                        its exit code
 * out TEXT / err TEXT            stdout / stderr contains TEXT
 * not TEXT                      neither contains TEXT
 * file PATH TEXT                the project file PATH contains TEXT
 * nofile PATH                   the project file PATH does not exist
 * write PATH                    the lines up to "end" replace PATH
 * sql main|shadow STATEMENT     runs STATEMENT in the case's database or its second one ({shadow_url})
 * query main|shadow SQL = VALUE the query's first value is VALUE (split at the last " = ")
 * </pre>
 */
@DisabledOnOs(OS.WINDOWS)
class Prisma7ProjectsTest {
    private static final Path CASES = Path.of("src/test/resources/prisma7-projects");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir))).toList().stream();
        }
    }

    private static void run(Path caseDir) throws Exception {
        List<String> steps = Files.readAllLines(caseDir.resolve("steps.txt"), StandardCharsets.UTF_8);
        String kind = steps.stream().filter(l -> l.startsWith("database ")).map(l -> l.substring(9).strip()).findFirst()
                .orElse("postgresql");
        Path work = Files.createTempDirectory("godwit-p7-");
        try (TestDatabase db = kind.equals("mysql") ? TestDatabases.mysql() : TestDatabases.postgres();
             TestDatabase shadow = kind.equals("mysql") ? TestDatabases.mysql() : TestDatabases.postgres()) {
            copy(caseDir, work);
            Files.delete(work.resolve("steps.txt"));
            Map<String, String> env = new LinkedHashMap<>();
            GodwitRun last = null;
            String lastCommand = null;
            for (int n = 0; n < steps.size(); n++) {
                String line = steps.get(n).replace("{url}", db.url()).replace("{dir}", work.toString())
                        .replace("{shadow_url}", shadow.url());
                String where = caseDir.getFileName() + "/steps.txt:" + (n + 1) + " (after `" + lastCommand + "`)";
                if (line.isBlank() || line.startsWith("#") || line.startsWith("database ")) {
                    continue;
                }
                if (line.startsWith("env ")) {
                    String[] kv = line.substring(4).split("=", 2);
                    env.put(kv[0], kv[1]);
                } else if (line.startsWith("> ")) {
                    lastCommand = line.substring(2);
                    List<String> args = new ArrayList<>(List.of("--project", work.toString()));
                    args.addAll(List.of(lastCommand.split(" ")));
                    last = GodwitRun.inProcess(env, args.toArray(String[]::new));
                } else if (line.startsWith("exit ")) {
                    assertEquals(Integer.parseInt(line.substring(5).strip()), last.exitCode(), where + "\n" + last.all());
                } else if (line.startsWith("out ")) {
                    assertTrue(last.stdout().contains(line.substring(4)), where + ": stdout lacks " + line.substring(4) + "\n" + last.all());
                } else if (line.startsWith("err ")) {
                    assertTrue(last.stderr().contains(line.substring(4)), where + ": stderr lacks " + line.substring(4) + "\n" + last.all());
                } else if (line.startsWith("not ")) {
                    assertFalse(last.all().contains(line.substring(4)), where + ": output has " + line.substring(4) + "\n" + last.all());
                } else if (line.startsWith("file ")) {
                    String[] pt = line.substring(5).split(" ", 2);
                    Path f = work.resolve(pt[0]);
                    assertTrue(Files.isRegularFile(f), where + ": no file " + pt[0]);
                    String text = Files.readString(f);
                    assertTrue(text.contains(pt[1].replace("\\n", "\n")), where + ": " + pt[0] + " lacks " + pt[1] + "\n" + text);
                } else if (line.startsWith("nofile ")) {
                    assertFalse(Files.exists(work.resolve(line.substring(7).strip())), where + ": " + line.substring(7) + " exists");
                } else if (line.startsWith("write ")) {
                    StringBuilder sb = new StringBuilder();
                    while (!steps.get(++n).equals("end")) {
                        sb.append(steps.get(n).replace("{url}", db.url())).append('\n');
                    }
                    Path target = work.resolve(line.substring(6).strip());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, sb.toString());
                } else if (line.startsWith("sql ")) {
                    String[] ws = line.substring(4).split(" ", 2);
                    (ws[0].equals("shadow") ? shadow : db).execute(ws[1]);
                } else if (line.startsWith("query ")) {
                    String[] ws = line.substring(6).split(" ", 2);
                    int eq = ws[1].lastIndexOf(" = ");
                    String sql = ws[1].substring(0, eq);
                    assertEquals(ws[1].substring(eq + 3), (ws[0].equals("shadow") ? shadow : db).scalar(sql), where + ": " + sql);
                } else {
                    fail(where + ": unknown step " + line);
                }
            }
        } finally {
            delete(work);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
