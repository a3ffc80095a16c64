package dev.godwit.shell.render;

import dev.godwit.shell.session.Out;

import dev.godwit.engine.migrate.AttemptLedger;
import dev.godwit.engine.migrate.ExecutionMode;
import dev.godwit.engine.migrate.sql.SqlStatement;
import dev.godwit.engine.recover.FinishPlan;
import dev.godwit.engine.recover.UndoPlan;
import dev.godwit.shell.session.Out.Style;

import java.util.List;

/** The recovery plans as people read them before saying yes: what took effect, what will run, and why not. */
public final class RecoveryText {
    private final Out out;

    public RecoveryText(Out out) {
        this.out = out;
    }

    public void finishPlan(FinishPlan plan) {
        out.println(out.style(Style.BOLD, plan.name()) + ": " + plan.ledger().describe());
        plan.notes().forEach(out::warn);
        plan.refusals().forEach(r -> out.println(out.style(Style.RED, "cannot finish: ") + r));
        if (plan.refused()) {
            return;
        }
        if (plan.statements().isEmpty()) {
            out.println("No statement is left to run: finishing marks it applied.");
            return;
        }
        out.println("Finishing runs " + plan.statements().size() + (plan.statements().size() == 1 ? " statement" : " statements")
                + (plan.mode() == ExecutionMode.TRANSACTION ? ", in one transaction" : ", one by one (each commits by itself)")
                + ", then marks it applied:");
        for (SqlStatement s : plan.statements()) {
            out.println("  -- statement " + s.index() + ", line " + s.line());
            out.printlnAsIs("  " + s.text().replace("\n", "\n  ") + ";");
        }
    }

    public void undoPlan(UndoPlan plan) {
        out.println(out.style(Style.BOLD, plan.migration()) + ": " + plan.ledger().describe());
        if (plan.shadow() != null) {
            out.note("the schema before it: its history without it, replayed into the " + plan.shadow());
        }
        plan.refusals().forEach(r -> out.println(out.style(Style.RED, "cannot undo: ") + r));
        if (plan.nothingToUndo()) {
            out.println("The database holds nothing of it: undoing only marks it rolled back.");
        } else if (!plan.refused()) {
            out.println("Undoing runs " + plan.statements().size() + (plan.statements().size() == 1 ? " statement" : " statements")
                    + ", then marks it rolled back:");
            for (String s : plan.statements()) {
                String sql = s.strip().endsWith(";") ? s.strip() : s.strip() + ";";
                out.printlnAsIs("  " + sql.replace("\n", "\n  "));
            }
        }
        plan.notes().forEach(n -> out.println("  note: " + n));
        if (!plan.unrelated().isEmpty()) {
            out.note(plan.unrelated().size() + " other difference(s) between the database and its history do not concern "
                    + plan.migration() + " and are left alone (`godwit drift` shows them)");
        }
    }

    /** One mark per statement: ✔ took effect, ✘ failed or cancelled, ↺ rolled back with the transaction, · never ran, ? unknown. */
    public static String mark(AttemptLedger.Fate fate) {
        return switch (fate) {
            case TOOK_EFFECT -> "✔";
            case FAILED, CANCELLED -> "✘";
            case UNDONE -> "↺";
            case MAY_HAVE_TAKEN_EFFECT -> "?";
            case NEVER_RAN -> "·";
            case UNKNOWN -> " ";
        };
    }

    public Style tone(AttemptLedger.Fate fate) {
        return switch (fate) {
            case TOOK_EFFECT -> Style.GREEN;
            case FAILED, CANCELLED -> Style.RED_BOLD;
            case UNDONE, NEVER_RAN, UNKNOWN -> Style.DIM;
            case MAY_HAVE_TAKEN_EFFECT -> Style.YELLOW;
        };
    }

    /**
     * migration.sql with line numbers and, on the first line of each statement, its mark and fate;
     * {@code ledger} null when no attempt failed (then statements are only numbered).
     */
    public void numberedSql(String sql, List<SqlStatement> statements, AttemptLedger ledger) {
        String[] lines = sql.split("\\R", -1);
        int n = lines.length;
        if (n > 0 && lines[n - 1].isEmpty()) {
            n--;
        }
        int digits = String.valueOf(Math.max(n, 1)).length();
        for (int i = 0; i < n; i++) {
            int number = i + 1;
            SqlStatement starts = statements.stream().filter(s -> s.line() == number).findFirst().orElse(null);
            String gutter = String.format("%" + digits + "d", number);
            if (starts != null && ledger != null) {
                AttemptLedger.Fate fate = ledger.fate(starts.index());
                String tag = mark(fate) + " " + gutter + "  ";
                out.printlnAsIs(out.style(tone(fate), tag) + lines[i] + out.style(Style.DIM, "   -- " + starts.index() + ": " + fate.label()));
            } else {
                out.printlnAsIs("  " + gutter + "  " + lines[i]);
            }
        }
    }
}
