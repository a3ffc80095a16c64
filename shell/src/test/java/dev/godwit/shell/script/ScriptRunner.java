package dev.godwit.shell.script;

import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import dev.godwit.shell.GodwitRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one scenario of a {@code .txtar} file (the format is in src/test/resources/scripts/README.md) in a
 * working folder of its own, on a fresh database of one family, or on none. Commands run one after the other;
 * the first expectation that does not hold fails the scenario with its file, line, command and output.
 */
final class ScriptRunner {
    private static final Pattern CONDITION = Pattern.compile("^\\[(!?)([a-z]+)\\]\\s*(.*)$");

    private final String name;
    private final Txtar archive;
    private final Path work;
    private final TestDatabase db;
    private final String family;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private Result last;
    private boolean exitChecked = true;
    private int lineNo;
    private String line;

    private record Result(String command, int exitCode, String stdout, String stderr) {
    }

    /** {@code family}: "postgresql", "mysql", or null for a scenario that needs no database. */
    private ScriptRunner(String name, Txtar archive, Path work, TestDatabase db, String family) {
        this.name = name;
        this.archive = archive;
        this.work = work;
        this.db = db;
        this.family = family;
        vars.put("WORK", work.toString());
        if (db != null) {
            vars.put("URL", db.url());
            vars.put("DB", db.name());
            vars.put("PROVIDER", db.provider().prismaName());
        }
    }

    /** The families a scenario runs on: its {@code families} line, else both. An empty list: no database at all. */
    static List<String> families(Txtar archive) {
        for (String l : archive.comment().split("\n")) {
            List<String> w = List.of(l.strip().split("\\s+"));
            if (w.get(0).equals("families")) {
                List<String> out = w.subList(1, w.size());
                return out.equals(List.of("none")) ? List.of() : List.copyOf(out);
            }
        }
        return List.of("postgresql", "mysql");
    }

    /** Runs the scenario on a fresh database of {@code family} (skipped when that server is not configured), or on none. */
    static void run(String name, Txtar archive, String family, Path work) {
        if (family == null) {
            new ScriptRunner(name, archive, work, null, null).run();
            return;
        }
        TestDatabase.Kind kind = family.equals("mysql") ? TestDatabase.Kind.MYSQL : TestDatabase.Kind.POSTGRESQL;
        try (TestDatabase db = TestDatabases.of(kind)) {
            new ScriptRunner(name, archive, work, db, family).run();
        }
    }

    private void run() {
        writeFiles();
        String[] lines = archive.comment().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lineNo = i + 1;
            line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String command = line;
            var cond = CONDITION.matcher(command);
            if (cond.matches()) {
                boolean wanted = cond.group(2).equals(family);
                if (cond.group(1).isEmpty() != wanted) {
                    continue;
                }
                command = cond.group(3);
            }
            step(command);
        }
        checkExit();
    }

    private void writeFiles() {
        for (Txtar.File f : archive.files()) {
            String fileName = f.name();
            var cond = CONDITION.matcher(fileName);
            if (cond.matches()) {
                if (cond.group(1).isEmpty() != cond.group(2).equals(family)) {
                    continue;
                }
                fileName = cond.group(3);
            }
            write(work.resolve(fileName), fileText(f.text()));
        }
    }

    /** In files only {@code ${NAME}} of a known variable is replaced: SQL keeps its {@code $1} and {@code $$}. */
    private String fileText(String text) {
        String out = text;
        for (Map.Entry<String, String> v : vars.entrySet()) {
            out = out.replace("${" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    private void step(String command) {
        boolean negated = command.startsWith("! ");
        String rest = negated ? command.substring(2).strip() : command;
        int blank = rest.indexOf(' ');
        String verb = blank < 0 ? rest : rest.substring(0, blank);
        String arg = blank < 0 ? "" : rest.substring(blank + 1).strip();
        switch (verb) {
            case "families" -> {
                // read before the run
            }
            case "godwit" -> {
                checkExit();
                List<String> args = new ArrayList<>(List.of("--project", work.toString()));
                args.addAll(ScriptWords.split(arg, vars));
                GodwitRun r = GodwitRun.inProcess(env, args.toArray(String[]::new));
                last = new Result("godwit " + arg, r.exitCode(), r.stdout(), r.stderr());
                exitChecked = false;
            }
            case "db" -> {
                checkExit();
                String sql = ScriptWords.expand(arg, vars);
                if (db == null) {
                    fail("db needs a database: this scenario runs on none");
                }
                last = new Result("db " + sql, 0, sql(sql), "");
                exitChecked = true;
            }
            case "exit" -> {
                int want = Integer.parseInt(arg);
                requireLast();
                if (last.exitCode() != want) {
                    fail("exit code " + last.exitCode() + ", expected " + want);
                }
                exitChecked = true;
            }
            case "stdout", "stderr" -> match(verb, pattern(arg), negated);
            case "cmp" -> compare(ScriptWords.split(arg, vars));
            case "env" -> {
                int eq = arg.indexOf('=');
                String key = arg.substring(0, eq);
                String value = ScriptWords.split(arg.substring(eq + 1), vars).stream().findFirst().orElse("");
                env.put(key, value);
                vars.put(key, value);
            }
            case "cp" -> {
                List<String> w = ScriptWords.split(arg, vars);
                write(work.resolve(w.get(1)), read(work.resolve(w.get(0))));
            }
            case "rm" -> ScriptWords.split(arg, vars).forEach(p -> delete(work.resolve(p)));
            case "mkdir" -> ScriptWords.split(arg, vars).forEach(p -> uncheckedIo(() -> Files.createDirectories(work.resolve(p))));
            case "exists" -> {
                for (String p : ScriptWords.split(arg, vars)) {
                    if (Files.exists(work.resolve(p)) == negated) {
                        fail(p + (negated ? " exists" : " does not exist"));
                    }
                }
            }
            default -> fail("unknown command \"" + verb + "\" (see src/test/resources/scripts/README.md)");
        }
    }

    /** Runs one statement on the scenario's database: a query's rows, one a line, columns split by tabs; else nothing. */
    private String sql(String sql) {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            if (st.execute(sql)) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getString(i));
                        }
                        out.append(String.join("\t", row)).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            fail("db: " + e.getMessage());
        }
        return out.toString();
    }

    /** The rest of the line is the pattern; surrounding single quotes are dropped; variables are expanded. */
    private String pattern(String arg) {
        String p = arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'") ? arg.substring(1, arg.length() - 1) : arg;
        return ScriptWords.expand(p, vars);
    }

    private void match(String stream, String regex, boolean negated) {
        requireLast();
        String text = stream.equals("stdout") ? last.stdout() : last.stderr();
        boolean found = Pattern.compile(regex, Pattern.MULTILINE).matcher(text).find();
        if (found == negated) {
            fail(stream + (negated ? " matches " : " does not match ") + regex);
        }
    }

    private void compare(List<String> words) {
        requireLast();
        String text = words.get(0).equals("stdout") ? last.stdout() : last.stderr();
        Txtar.File want = archive.file(words.get(1));
        if (want == null) {
            fail("cmp: the archive has no file " + words.get(1));
        }
        if (!fileText(want.text()).equals(text)) {
            fail(words.get(0) + " differs from " + words.get(1) + ":\n--- want\n" + fileText(want.text()) + "--- got\n" + text);
        }
    }

    private void checkExit() {
        if (last != null && !exitChecked && last.exitCode() != 0) {
            fail("exit code " + last.exitCode() + " (a command that is expected to fail needs an `exit N` line after it)");
        }
        exitChecked = true;
    }

    private void requireLast() {
        if (last == null) {
            fail("no command has run yet");
        }
    }

    private void fail(String message) {
        StringBuilder sb = new StringBuilder(name + ":" + lineNo + ": " + message + "\n> " + line);
        if (family != null) {
            sb.append("   [").append(family).append(']');
        }
        if (last != null) {
            sb.append("\nlast command: ").append(last.command()).append(" (exit ").append(last.exitCode()).append(")")
                    .append("\n--- stdout\n").append(last.stdout()).append("--- stderr\n").append(last.stderr());
        }
        throw new AssertionError(sb.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        uncheckedIo(() -> {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        });
    }

    private static void delete(Path p) {
        uncheckedIo(() -> {
            if (!Files.exists(p)) {
                return;
            }
            try (Stream<Path> all = Files.walk(p)) {
                for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        });
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void uncheckedIo(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
