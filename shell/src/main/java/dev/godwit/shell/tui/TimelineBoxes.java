package dev.godwit.shell.tui;

import dev.godwit.engine.migrate.StatusReport;

import java.util.ArrayList;
import java.util.List;

/** The timeline's boxes drawn over the list: the keys, and the resolve question with what took effect. */
final class TimelineBoxes {
    private TimelineBoxes() {
    }

    static List<Line> help() {
        List<Line> lines = List.of(
                Line.of("Keys", Tone.HEADER),
                Line.of("↑ ↓  j k          select the previous / next migration"),
                Line.of("PgUp PgDn         a page up / down"),
                Line.of("Home End          the first / last migration"),
                Line.of("/                 filter by name or state (failed, pending, …)"),
                Line.of("Enter             show / hide every attempt with its logs"),
                Line.of("J K  Shift+↑ ↓    scroll the detail pane; Space / b a page"),
                Line.of("n N               the next / previous problem (failed, edited, missing, out of order)"),
                Line.of("r                 resolve a failed migration as rolled back"),
                Line.of("a                 resolve a failed migration as applied"),
                Line.of("t                 retry: nothing took effect; mark it rolled back and apply again"),
                Line.of("f                 finish: run the statements that did not take effect, mark it applied"),
                Line.of("u                 undo: reverse what took effect (shown first), mark it rolled back"),
                Line.of("d                 the drift report: the database against its history"),
                Line.of("q  Esc            back (Esc first clears a filter)"),
                Line.empty(),
                Line.of("Any key closes this help.", Tone.DIM));
        return lines;
    }

    static List<Line> resolve(StatusReport report, String target, boolean asApplied, ConfirmDialog dialog, String databaseName) {
        List<Line> lines = new ArrayList<>();
        String what = asApplied ? "applied" : "rolled back";
        lines.add(Line.of("Resolve " + target + " as " + what, Tone.HEADER));
        lines.add(Line.of(asApplied ? "It will count as applied and never run: make sure its changes are in the database."
                : "Its failed attempt is closed; the next apply runs it again.", Tone.DIM));
        report.migrations().stream().filter(m -> m.name().equals(target)).findFirst()
                .flatMap(m -> report.ledger(m)).ifPresent(l -> {
                    lines.add(Line.of("Took effect: " + (!l.known() ? "unknown" : l.nothingTookEffect() ? "nothing"
                            : "statements " + dev.godwit.engine.migrate.AttemptLedger.range(1, l.tookEffect())),
                            l.nothingTookEffect() ? Tone.DIM : Tone.EDITED));
                    if (!asApplied && !l.nothingTookEffect()) {
                        lines.add(Line.of("Running it again would run those statements twice: u undoes them, f finishes the rest.", Tone.ERROR));
                    }
                });
        lines.add(Line.empty());
        String reason = dialog.text();
        switch (dialog.step()) {
            case TEXT -> {
                lines.add(Line.of("Reason (kept in the history with the time and your user name):"));
                lines.add(dialog.inputLine());
                lines.add(Line.empty());
                lines.add(Line.of("Enter continues · Esc cancels", Tone.DIM));
            }
            case CONFIRM -> {
                lines.add(Line.of("Reason: " + (reason.isEmpty() ? "(none)" : reason)));
                lines.add(new Line.Builder().add("Mark " + target + " as " + what + "? ").add("[y/N]", Tone.BOLD).build());
                lines.add(Line.empty());
                lines.add(Line.of("y resolves · any other key (Enter, n, Esc) cancels", Tone.DIM));
            }
            case TYPE_NAME -> {
                lines.add(Line.of("Reason: " + (reason.isEmpty() ? "(none)" : reason)));
                lines.add(Line.of("This is a production database. Type its name, " + databaseName + ", to confirm:", Tone.ERROR));
                lines.add(dialog.inputLine());
                lines.add(Line.empty());
                lines.add(Line.of("Enter resolves if the name matches · Esc cancels", Tone.DIM));
            }
        }
        return lines;
    }
}
