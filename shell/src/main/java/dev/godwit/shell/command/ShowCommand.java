package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.shell.render.LedgerJson;
import dev.godwit.shell.render.RecoveryText;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.migrate.Suggestions;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.render.Json;
import dev.godwit.shell.session.Out;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one migration: its state, its SQL, and every attempt in the history with times and logs.")
public final class ShowCommand extends SessionCommand {
    @Parameters(paramLabel = "MIGRATION", description = "Migration name (folder name under the migrations folder).")
    String name;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    protected int run(Session session) {
        MigrationsFolder folder = session.migrations();
        StatusReport report = session.migrator().status(folder);
        MigrationStatus m = report.migrations().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new GodwitException(ErrorKind.USAGE, "no migration named " + name
                        + " in " + folder.dir() + " or in the database's history", Suggestions.hint(name, folder)));
        Out out = session.out();
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", m.name());
            j.put("state", m.state().label());
            j.put("file", m.local().map(l -> l.sqlFile().toString()).orElse(null));
            j.put("checksum", m.local().map(l -> l.checksum()).orElse(null));
            j.put("sql", m.local().map(l -> l.sql()).orElse(null));
            report.ledger(m).ifPresent(l -> {
                j.put("statements", LedgerJson.of(l));
                j.put("next", RecoveryAdvice.next(m.name(), l));
            });
            j.put("attempts", m.attempts().stream().map(HistoryCommand::toJson).toList());
            out.println(Json.write(j));
            return 0;
        }
        out.println(out.style(Out.Style.BOLD, m.name()) + "  " + m.state().label());
        if (m.local().isPresent()) {
            var l = m.local().get();
            out.println("file " + session.project().root().relativize(l.sqlFile()) + "  checksum " + l.checksum().substring(0, 12) + "…");
            out.println("");
            AttemptLedger ledger = report.ledger(m).orElse(null);
            if (ledger != null) {
                out.println(out.style(Out.Style.RED, "Failed attempt: ") + ledger.describe());
            }
            new RecoveryText(out).numberedSql(l.sql(), SqlSplitter.split(l.sql(), session.target().dialect().provider()), ledger);
            out.println("");
        } else {
            out.println("(not in the migrations folder: known only from the database's history)");
        }
        out.println(m.attempts().isEmpty() ? "No attempts in the history." : "Attempts (" + m.attempts().size() + "):");
        int i = 1;
        for (HistoryRecord a : m.attempts()) {
            HistoryCommand.printAttempt(out, i++ + ". ", a, false, 0);
        }
        report.ledger(m).ifPresent(l -> out.println("Next step: " + RecoveryAdvice.next(m.name(), l) + "."));
        return 0;
    }
}
