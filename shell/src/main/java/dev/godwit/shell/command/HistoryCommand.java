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
            if (n < lines.length) {
                out.println("      … (" + (lines.length - n) + " more lines: `show " + a.migrationName() + "`)");
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
        return m;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
