package dev.godwit.shell.command;

import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.Durations;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.session.Out;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every attempt recorded in _prisma_migrations, oldest first, including failed and rolled-back ones.")
public final class HistoryCommand extends SessionCommand {
    private static final java.util.regex.Pattern RESOLVED = java.util.regex.Pattern.compile("^\\[[^\\]]+\\] resolved as .*");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Option(names = "--logs", description = "Print each attempt's full logs, not only their first line.")
    boolean logs;

    @Override
    protected int run(Session session) {
        StatusReport report = session.migrator().status(session.migrations());
        List<HistoryRecord> all = session.migrator().allAttempts().stream()
                .sorted(Comparator.comparing(HistoryRecord::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Out out = session.out();
        if (json) {
            out.println(Json.write(all.stream().map(HistoryCommand::toJson).toList()));
            return 0;
        }
        if (!report.historyTableExists()) {
            out.println("No _prisma_migrations table yet: nothing has been applied to " + report.database() + ".");
            return 0;
        }
        if (all.isEmpty()) {
            out.println("The history of " + report.database() + " is empty.");
            return 0;
        }
        int width = all.stream().mapToInt(a -> a.migrationName().length()).max().orElse(0);
        for (HistoryRecord a : all) {
            printAttempt(out, "", a, !logs, width);
        }
        out.println("");
        out.println(all.size() + (all.size() == 1 ? " attempt" : " attempts") + " in the history of " + report.database() + ".");
        return 0;
    }

    static void printAttempt(Out out, String prefix, HistoryRecord a, boolean firstLogLineOnly, int nameWidth) {
        String outcome = a.isRolledBack() ? out.style(Out.Style.CYAN, "rolled back") + " " + when(a.rolledBackAt())
                : a.isApplied() ? out.style(Out.Style.GREEN, "applied") : out.style(Out.Style.RED_BOLD, "FAILED");
        StringBuilder sb = new StringBuilder("  ").append(prefix).append(when(a.startedAt())).append("  ")
                .append(a.migrationName()).append(" ".repeat(Math.max(0, nameWidth - a.migrationName().length())))
                .append("  ").append(outcome);
        if (a.duration() != null) {
            sb.append("  in ").append(Durations.format(a.duration()));
        }
        sb.append("  (").append(a.appliedStepsCount()).append(a.appliedStepsCount() == 1 ? " step)" : " steps)");
        out.println(sb.toString());
        if (a.logs() != null && !a.logs().isBlank()) {
            String[] lines = a.logs().strip().split("\\R");
            int n = firstLogLineOnly ? 1 : lines.length;
            for (int i = 0; i < n; i++) {
                out.println("      " + lines[i]);
            }
            int hidden = lines.length - n;
            if (firstLogLineOnly) {
                // how the attempt was resolved, and why, matters more than the rest of its logs
                for (int i = 1; i < lines.length; i++) {
                    if (RESOLVED.matcher(lines[i].strip()).matches() || lines[i].startsWith("  took effect:")) {
                        out.println("      " + lines[i].strip());
                        hidden--;
                    }
                }
            }
            if (hidden > 0) {
                out.println("      … (" + hidden + " more lines: `godwit history --logs` or `godwit show " + a.migrationName() + "`)");
            }
        }
    }

    private static String when(Instant t) {
        return t == null ? "?" : WHEN.format(t);
    }

    static Map<String, Object> toJson(HistoryRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("migration", a.migrationName());
        m.put("outcome", a.isRolledBack() ? "rolled back" : a.isApplied() ? "applied" : "failed");
        m.put("startedAt", str(a.startedAt()));
        m.put("finishedAt", str(a.finishedAt()));
        m.put("rolledBackAt", str(a.rolledBackAt()));
        m.put("appliedSteps", a.appliedStepsCount());
        m.put("checksum", a.checksum());
        m.put("logs", a.logs());
        m.put("resolution", resolution(a.logs()));
        dev.godwit.engine.migrate.AttemptLedger.parse(a.logs()).ifPresent(l -> m.put("statements", dev.godwit.shell.render.LedgerJson.of(l)));
        return m;
    }

    /** The last "resolved as … by … with godwit: reason" line of the logs, if any. */
    static String resolution(String logs) {
        if (logs == null) {
            return null;
        }
        String found = null;
        for (String l : logs.split("\\R")) {
            if (RESOLVED.matcher(l.strip()).matches()) {
                found = l.strip();
            }
        }
        return found;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
