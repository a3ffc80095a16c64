package dev.godwit.shell.tui;

import com.googlecode.lanterna.input.KeyStroke;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's guided recovery of a failed migration (t retry, f finish, u undo): the plan shown first
 * (what took effect, the statements that will run, or why it cannot), then the same question as every
 * change the screens make: a reason, then y/N, or the database name typed on production.
 */
final class TimelineRecovery {
    /** The three ways out, with their key. */
    enum Kind {
        RETRY('t', "Retry", "mark it rolled back and apply again"),
        FINISH('f', "Finish", "run the statements that did not take effect and mark it applied"),
        UNDO('u', "Undo", "reverse what took effect and mark it rolled back");

        final char key;
        final String title;
        final String what;

        Kind(char key, String title, String what) {
            this.key = key;
            this.title = title;
            this.what = what;
        }

        static Kind of(char key) {
            for (Kind k : values()) {
                if (k.key == key) {
                    return k;
                }
            }
            return null;
        }
    }

    /** What the plan is, as lines of text, and why it may not run (null when it may). */
    record Preview(List<String> lines, String refusal) {
    }

    /** The recovery actions a session offers the screen. */
    interface Actions {
        Preview preview(Kind kind, String migration);

        /** Runs it; returns what to say afterwards. */
        String run(Kind kind, String migration, String reason);
    }

    private final Kind kind;
    private final String migration;
    private final Preview preview;
    private final ConfirmDialog dialog;
    private final String databaseName;

    TimelineRecovery(Kind kind, String migration, Preview preview, boolean production, String databaseName) {
        this.kind = kind;
        this.migration = migration;
        this.preview = preview;
        this.databaseName = databaseName;
        this.dialog = new ConfirmDialog(production, databaseName, 200, anyReason -> null);
    }

    Kind kind() {
        return kind;
    }

    String migration() {
        return migration;
    }

    boolean refused() {
        return preview.refusal() != null;
    }

    ConfirmDialog.Result key(KeyStroke k) {
        return dialog.key(k);
    }

    String reason() {
        return dialog.text();
    }

    /** The box: title, the plan, then the step of the question. */
    List<Line> lines(int maxPlanLines) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of(kind.title + " " + migration + ": " + kind.what, Tone.HEADER));
        List<String> plan = preview.lines();
        for (int i = 0; i < plan.size() && i < maxPlanLines; i++) {
            lines.add(Line.of(plan.get(i), plan.get(i).startsWith("cannot") ? Tone.ERROR : Tone.NORMAL));
        }
        if (plan.size() > maxPlanLines) {
            lines.add(Line.of("… " + (plan.size() - maxPlanLines) + " more lines (`godwit resolve --" + kind.name().toLowerCase()
                    + " " + migration + "` prints them all)", Tone.DIM));
        }
        lines.add(Line.empty());
        if (refused()) {
            lines.add(Line.of(preview.refusal(), Tone.ERROR));
            lines.add(Line.of("Any key closes this.", Tone.DIM));
            return lines;
        }
        String reason = dialog.text();
        switch (dialog.step()) {
            case TEXT -> {
                lines.add(Line.of("Reason (kept in the history with the time and your user name):"));
                lines.add(dialog.inputLine());
                lines.add(Line.of("Enter continues · Esc cancels", Tone.DIM));
            }
            case CONFIRM -> {
                lines.add(Line.of("Reason: " + (reason.isEmpty() ? "(none)" : reason)));
                lines.add(new Line.Builder().add(kind.title + " " + migration + "? ").add("[y/N]", Tone.BOLD).build());
                lines.add(Line.of("y goes ahead · any other key (Enter, n, Esc) cancels", Tone.DIM));
            }
            case TYPE_NAME -> {
                lines.add(Line.of("Reason: " + (reason.isEmpty() ? "(none)" : reason)));
                lines.add(Line.of("This is a production database. Type its name, " + databaseName + ", to confirm:", Tone.ERROR));
                lines.add(dialog.inputLine());
                lines.add(Line.of("Enter goes ahead if the name matches · Esc cancels", Tone.DIM));
            }
        }
        return lines;
    }
}
