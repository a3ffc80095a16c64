package dev.godwit.engine.migrate;

/**
 * What to do about a failed or cancelled attempt, from what actually took effect. "Fix the cause and
 * resolve --rolled-back" is right only when nothing did: otherwise the next apply would run the statements
 * in effect a second time and fail on them ("table already exists").
 */
public final class RecoveryAdvice {
    private RecoveryAdvice() {
    }

    /** The next step for a migration whose failed attempt has this ledger. */
    public static String next(String name, AttemptLedger ledger) {
        if (!ledger.known()) {
            return "godwit cannot tell which of its statements took effect: `godwit drift` shows what the database holds; "
                    + "`godwit resolve --undo " + name + "` reverses what the database holds of it (shown before it runs), "
                    + "or complete it by hand and `godwit resolve --applied " + name + "`";
        }
        if (ledger.nothingTookEffect()) {
            String where = ledger.stoppedAt() > 0 ? " (statement " + ledger.stoppedAt()
                    + (ledger.stoppedLine() > 0 ? ", line " + ledger.stoppedLine() : "") + ")" : "";
            return "nothing of it took effect: fix the cause" + where + ", then `godwit resolve --retry " + name
                    + "` marks it rolled back and applies it again (or `godwit resolve --rolled-back " + name + "` and `godwit apply`)";
        }
        String inEffect = ledger.tookEffect() == 0 ? "nothing" : "statement" + (ledger.tookEffect() == 1 ? " " : "s ")
                + AttemptLedger.range(1, ledger.tookEffect());
        String doubt = ledger.stoppedMayHaveTakenEffect()
                ? "; statement " + ledger.stoppedAt() + " may have taken effect too (the process stopped while it ran): check with `godwit drift` first"
                : "";
        return inEffect + " took effect and stay" + (ledger.tookEffect() == 1 ? "s" : "") + " in place, so running it again would fail"
                + doubt + ". Either fix the cause (in migration.sql or in the database) and `godwit resolve --finish " + name
                + "` to run only the statements that did not take effect and mark it applied, or `godwit resolve --undo " + name
                + "` to reverse what took effect and mark it rolled back, ready to apply again";
    }
}
