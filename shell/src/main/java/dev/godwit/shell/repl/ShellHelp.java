package dev.godwit.shell.repl;

import dev.godwit.shell.session.Out;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code help} in the shell: the commands grouped by what one wants to do, each with the first
 * sentence of its description. Commands not named in a group (new ones) are listed under
 * "more", so none is ever missing.
 */
public final class ShellHelp {
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("inspect", List.of("status", "show", "history", "timeline", "inspect", "sql", "drift", "diff"));
        GROUPS.put("change", List.of("plan", "dev", "apply", "push", "pull", "seed", "init"));
        GROUPS.put("recover", List.of("resolve", "down", "rebase", "baseline", "reset"));
        GROUPS.put("configure", List.of("use", "connect", "project", "envs", "refresh"));
    }

    /** Shell-only words, with what they do. */
    private static final Map<String, String> SHELL = new LinkedHashMap<>();

    static {
        SHELL.put("help [COMMAND]", "this list, or a command's options");
        SHELL.put("clear", "clear the screen (or Ctrl-L)");
        SHELL.put("!CMD", "run CMD in the system shell");
        SHELL.put("exit", "leave the shell (or Ctrl-D)");
    }

    private ShellHelp() {
    }

    public static void print(CommandLine tree, Out out) {
        Map<String, String> all = new LinkedHashMap<>();
        tree.getSubcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (s.name().equals(name) && !s.usageMessage().hidden() && !name.equals("help")) {
                all.put(name, Descriptions.summary(s.usageMessage().description()));
            }
        });
        Set<String> listed = new LinkedHashSet<>();
        Map<String, List<String[]>> sections = new LinkedHashMap<>();
        GROUPS.forEach((group, names) -> {
            List<String[]> rows = new ArrayList<>();
            for (String n : names) {
                if (all.containsKey(n)) {
                    rows.add(new String[]{n, all.get(n)});
                    listed.add(n);
                }
            }
            sections.put(group, rows);
        });
        List<String[]> more = new ArrayList<>();
        all.forEach((n, d) -> {
            if (!listed.contains(n)) {
                more.add(new String[]{n, d});
            }
        });
        sections.put("more", more);
        List<String[]> shell = new ArrayList<>();
        SHELL.forEach((k, v) -> shell.add(new String[]{k, v}));
        sections.put("shell", shell);
        int width = sections.values().stream().flatMap(List::stream).mapToInt(r -> r[0].length()).max().orElse(10);
        sections.forEach((group, rows) -> {
            if (rows.isEmpty()) {
                return;
            }
            out.println(out.style(Out.Style.BOLD, group));
            for (String[] r : rows) {
                out.println("  " + r[0] + " ".repeat(width - r[0].length()) + "  " + r[1]);
            }
        });
        out.println("");
        out.println("psql habits: " + ShellInput.PSQL_ALIASES + ".");
        out.println("`help COMMAND` shows a command's options. TAB completes commands, options, environments, migration and");
        out.println("table names; `sql` statements end at ';' and may span lines; Ctrl-C stops a running statement.");
    }
}
