package dev.godwit.shell.app;

import dev.godwit.shell.session.Out;
import dev.godwit.shell.repl.CompletionKinds;
import dev.godwit.shell.repl.Descriptions;
import dev.godwit.shell.repl.ShellCompleter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Completion scripts for bash, zsh and fish, generated from the command tree: the commands,
 * each command's own options and which values fit them, written as data into a template per
 * shell (resources {@code completions/*.tmpl}). Live values come from the disk and the
 * project's completion cache, never from a JVM started per TAB (see CompletionCache).
 * Regenerate with {@code java -cp shell/target/godwit.jar dev.godwit.shell.app.Completions completions}.
 */
public final class Completions {
    public static final String BASH_FILE = "godwit.bash";
    public static final String ZSH_FILE = "_godwit";
    public static final String FISH_FILE = "godwit.fish";

    /** One command as the scripts see it. */
    record Cmd(List<String> names, String descr, List<Opt> options, String argument, int argumentCount) {
    }

    /** One option: its names, the kind of value it takes ("" for a flag), its description. */
    record Opt(List<String> names, String kind, String descr) {
    }

    private Completions() {
    }

    static List<Cmd> commands() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out out = new Out(nowhere, nowhere, false);
        CommandLine tree = Main.commandLine(new GodwitCommand(out, Map.of()), out);
        List<Cmd> cmds = new ArrayList<>();
        tree.getSubcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (!s.name().equals(name) || s.usageMessage().hidden()) {
                return;
            }
            List<String> names = new ArrayList<>(List.of(s.name()));
            names.addAll(List.of(s.aliases()));
            cmds.add(new Cmd(names, Descriptions.summary(s.usageMessage().description()), options(s, false),
                    CompletionKinds.argument(s), CompletionKinds.argumentCount(s)));
        });
        return cmds;
    }

    /** The root's options (given before a command), or a command's own ones. */
    static List<Opt> options(CommandSpec spec, boolean withGlobals) {
        List<Opt> opts = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden() || (!withGlobals && ShellCompleter.GLOBAL_OPTIONS.contains(o.longestName()))) {
                continue;
            }
            List<String> names = new ArrayList<>(List.of(o.names()));
            names.sort((a, b) -> b.length() - a.length()); // the long name first
            opts.add(new Opt(names, CompletionKinds.option(o), Descriptions.summary(o.description())));
        }
        return opts;
    }

    static List<Opt> rootOptions() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Out out = new Out(nowhere, nowhere, false);
        return options(Main.commandLine(new GodwitCommand(out, Map.of()), out).getCommandSpec(), true);
    }

    public static String bash() {
        StringBuilder d = new StringBuilder();
        d.append("_godwit_commands=\"").append(String.join(" ", commands().stream().flatMap(c -> c.names().stream()).toList())).append("\"\n");
        d.append("_godwit_root_options=\"").append(String.join(" ", rootOptions().stream().flatMap(o -> o.names().stream()).toList())).append("\"\n");
        d.append("# each command's options (_gw_opts), the values its options take (_gw_vopts), its arguments (_gw_pos, _gw_posmax)\n");
        d.append("_godwit_spec() {\n  _gw_opts=\"\" _gw_vopts=\" \" _gw_pos=\"\" _gw_posmax=0\n  case \"$1\" in\n");
        for (Cmd c : commands()) {
            d.append("    ").append(String.join("|", c.names())).append(") _gw_opts=\"")
                    .append(String.join(" ", c.options().stream().map(o -> o.names().get(0)).toList()))
                    .append("\" _gw_vopts=\"").append(valueOptions(c.options())).append("\" _gw_pos=\"").append(c.argument())
                    .append("\" _gw_posmax=").append(c.argumentCount()).append(" ;;\n");
        }
        d.append("  esac\n}\n");
        d.append("_godwit_global_values=\"").append(valueOptions(rootOptions())).append("\"\n");
        return template("bash", d.toString());
    }

    public static String zsh() {
        StringBuilder d = new StringBuilder();
        d.append("_godwit_commands=(\n");
        for (Cmd c : commands()) {
            for (String n : c.names()) {
                d.append("  ").append(sq(n + ":" + c.descr().replace(":", "\\:"))).append('\n');
            }
        }
        d.append(")\n_godwit_root_options=(\n");
        for (Opt o : rootOptions()) {
            for (String n : o.names()) {
                d.append("  ").append(sq(n + ":" + o.descr().replace(":", "\\:"))).append('\n');
            }
        }
        d.append(")\n_godwit_global_values=").append(sq(valueOptions(rootOptions()))).append('\n');
        d.append("_godwit_spec() {\n  _gw_opts=() _gw_vopts=' ' _gw_pos='' _gw_posmax=0\n  case \"$1\" in\n");
        for (Cmd c : commands()) {
            d.append("    ").append(String.join("|", c.names())).append(") _gw_opts=(");
            for (Opt o : c.options()) {
                d.append(' ').append(sq(o.names().get(0) + ":" + o.descr().replace(":", "\\:")));
            }
            d.append(" ) _gw_vopts=").append(sq(valueOptions(c.options()))).append(" _gw_pos=").append(sq(c.argument()))
                    .append(" _gw_posmax=").append(c.argumentCount()).append(" ;;\n");
        }
        d.append("  esac\n}\n");
        return template("zsh", d.toString());
    }

    public static String fish() {
        StringBuilder d = new StringBuilder();
        d.append("set -g __godwit_commands");
        for (Cmd c : commands()) {
            for (String n : c.names()) {
                d.append(" \\\n    ").append(fq(n)).append(' ').append(fq(c.descr()));
            }
        }
        d.append("\nset -g __godwit_root_options");
        for (Opt o : rootOptions()) {
            d.append(" \\\n    ").append(fq(o.names().get(0))).append(' ').append(fq(o.descr()));
        }
        d.append("\nset -g __godwit_global_values ").append(fq(valueOptions(rootOptions()))).append('\n');
        d.append("function __godwit_spec\n    set -g __gw_opts\n    set -g __gw_vopts ' '\n    set -g __gw_pos ''\n    set -g __gw_posmax 0\n"
                + "    switch $argv[1]\n");
        for (Cmd c : commands()) {
            d.append("        case ").append(String.join(" ", c.names())).append("\n            set -g __gw_opts");
            for (Opt o : c.options()) {
                d.append(' ').append(fq(o.names().get(0))).append(' ').append(fq(o.descr()));
            }
            d.append("\n            set -g __gw_vopts ").append(fq(valueOptions(c.options())))
                    .append("\n            set -g __gw_pos ").append(fq(c.argument()))
                    .append("\n            set -g __gw_posmax ").append(c.argumentCount()).append('\n');
        }
        d.append("    end\nend\n");
        return template("fish", d.toString());
    }

    /** " --opt=kind -o=kind " for the options that take a value, for a lookup by pattern. */
    private static String valueOptions(List<Opt> opts) {
        StringBuilder sb = new StringBuilder(" ");
        for (Opt o : opts) {
            if (!o.kind().isEmpty()) {
                for (String n : o.names()) {
                    sb.append(n).append('=').append(o.kind()).append(' ');
                }
            }
        }
        return sb.toString();
    }

    private static String sq(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String fq(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String template(String shell, String data) {
        try (InputStream in = Completions.class.getResourceAsStream("/completions/" + shell + ".tmpl")) {
            if (in == null) {
                throw new IllegalStateException("missing resource completions/" + shell + ".tmpl");
            }
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return t.replace("@GENERATED@", data.stripTrailing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "completions");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BASH_FILE), bash(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ZSH_FILE), zsh(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FISH_FILE), fish(), StandardCharsets.UTF_8);
    }
}
