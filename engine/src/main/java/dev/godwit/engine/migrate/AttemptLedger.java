package dev.godwit.engine.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which statements of one failed or cancelled attempt took effect, which one stopped it and which never
 * ran. Statements run in file order, so what took effect is always a prefix (1..k) and what never ran a
 * suffix; a transaction that rolled back leaves nothing in effect whatever ran before the failure.
 * <p>
 * godwit writes it at the end of the attempt's {@code logs} as a readable block that Prisma shows as part
 * of the logs and godwit reads back ({@link #trailer()}, {@link #parse}); for attempts without one (killed,
 * or written by Prisma) it is derived from what the row and the file say ({@link AttemptLedgers}).
 *
 * @param outcome       how the attempt stopped
 * @param mode          how its statements were sent; null when unknown
 * @param total         the number of statements in the file; 0 when unknown
 * @param tookEffect    how many statements (1..tookEffect) are in effect; -1 when unknown
 * @param stoppedAt     the statement that failed or was cancelled; 0 when none is known
 * @param stoppedLine   its line in migration.sql; 0 when not known
 * @param stoppedMayHaveTakenEffect the process stopped while that statement ran (killed): it may be in effect
 * @param source        where this knowledge comes from
 */
public record AttemptLedger(Outcome outcome, ExecutionMode mode, int total, int tookEffect, int stoppedAt, int stoppedLine,
                            boolean stoppedMayHaveTakenEffect, Source source) {

    public enum Outcome {
        FAILED("failed"), CANCELLED("cancelled"), KILLED("stopped without a word (killed, or the connection was lost)"),
        UNKNOWN("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Source {
        /** godwit wrote it when the attempt stopped. */
        RECORDED,
        /** Worked out from the row (steps counted, no logs) and how the file runs. */
        DERIVED,
        /** Nothing tells: another tool's attempt on a database whose DDL commits by itself. */
        UNKNOWN
    }

    /** What became of one statement. */
    public enum Fate {
        TOOK_EFFECT("took effect"), UNDONE("ran, rolled back with the transaction"), FAILED("failed"), CANCELLED("cancelled"),
        MAY_HAVE_TAKEN_EFFECT("may have taken effect (the process stopped while it ran)"), NEVER_RAN("never ran"),
        UNKNOWN("unknown");

        private final String label;

        Fate(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final String HEADER = "godwit statements:";
    private static final Pattern HEAD = Pattern.compile("^godwit statements: (\\d+), (one transaction|statement by statement), (failed|cancelled)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern ITEM = Pattern.compile("^  (took effect|rolled back with the transaction|failed|cancelled|never ran): (.*)$");
    private static final Pattern RANGE = Pattern.compile("^(none|(\\d+)(?:-(\\d+))?)(?: \\(line (\\d+)\\))?\\s*$");

    public boolean known() {
        return tookEffect >= 0;
    }

    /** Nothing of it is in the database: the migration can simply run again once the cause is fixed. */
    public boolean nothingTookEffect() {
        return tookEffect == 0 && !stoppedMayHaveTakenEffect;
    }

    /** Statements after the one that stopped it (or after the prefix in effect): what "finish" would run. */
    public int firstNotInEffect() {
        return Math.max(tookEffect, 0) + 1;
    }

    public Fate fate(int index) {
        if (!known()) {
            return Fate.UNKNOWN;
        }
        if (index <= tookEffect) {
            return Fate.TOOK_EFFECT;
        }
        if (index == stoppedAt) {
            if (stoppedMayHaveTakenEffect) {
                return Fate.MAY_HAVE_TAKEN_EFFECT;
            }
            return outcome == Outcome.CANCELLED ? Fate.CANCELLED : Fate.FAILED;
        }
        if (stoppedAt > 0 && index < stoppedAt) {
            return Fate.UNDONE;
        }
        return Fate.NEVER_RAN;
    }

    /** One line: "2 of 3 statements took effect (1-2); statement 3 failed (line 7); none never ran". */
    public String describe() {
        if (!known()) {
            return "which statements took effect is not known (" + (source == Source.UNKNOWN
                    ? "the attempt was not made by godwit and this database commits each DDL statement by itself"
                    : "nothing was recorded") + "): `godwit drift` shows what the database holds";
        }
        StringBuilder sb = new StringBuilder();
        if (tookEffect == 0) {
            sb.append(mode == ExecutionMode.TRANSACTION ? "nothing took effect (the transaction was rolled back)" : "nothing took effect");
        } else {
            sb.append(tookEffect).append(total > 0 ? " of " + total : "").append(tookEffect == 1 && total <= 1 ? " statement" : " statements")
                    .append(" took effect (").append(range(1, tookEffect)).append(')');
        }
        if (stoppedAt > 0) {
            sb.append("; statement ").append(stoppedAt).append(stoppedLine > 0 ? " (line " + stoppedLine + ")" : "").append(' ')
                    .append(fate(stoppedAt).label());
        }
        int neverFrom = Math.max(stoppedAt, tookEffect) + 1;
        if (total > 0 && neverFrom <= total) {
            sb.append(neverFrom == total ? "; statement " : "; statements ").append(range(neverFrom, total)).append(" never ran");
        }
        return sb.toString();
    }

    /** The block written at the end of the logs. */
    public String trailer() {
        StringBuilder sb = new StringBuilder(HEADER).append(' ').append(total).append(", ")
                .append(mode == ExecutionMode.TRANSACTION ? "one transaction" : "statement by statement").append(", ")
                .append(outcome == Outcome.CANCELLED ? "cancelled" : "failed").append('\n');
        sb.append("  took effect: ").append(tookEffect <= 0 ? "none" : range(1, tookEffect)).append('\n');
        int undoneFrom = Math.max(tookEffect, 0) + 1;
        if (mode == ExecutionMode.TRANSACTION && stoppedAt > undoneFrom) {
            sb.append("  rolled back with the transaction: ").append(range(undoneFrom, stoppedAt - 1)).append('\n');
        }
        if (stoppedAt > 0) {
            sb.append("  ").append(outcome == Outcome.CANCELLED ? "cancelled" : "failed").append(": ").append(stoppedAt)
                    .append(stoppedLine > 0 ? " (line " + stoppedLine + ")" : "").append('\n');
        }
        int neverFrom = Math.max(stoppedAt, tookEffect) + 1;
        sb.append("  never ran: ").append(neverFrom > total ? "none" : range(neverFrom, total)).append('\n');
        return sb.toString();
    }

    /** The last block godwit wrote in these logs, if any. */
    public static Optional<AttemptLedger> parse(String logs) {
        if (logs == null || !logs.contains(HEADER)) {
            return Optional.empty();
        }
        Matcher head = HEAD.matcher(logs);
        int from = -1;
        while (head.find()) {
            from = head.start();
        }
        if (from < 0) {
            return Optional.empty();
        }
        Matcher last = HEAD.matcher(logs);
        last.find(from);
        int start = last.end();
        int total = Integer.parseInt(last.group(1));
        ExecutionMode mode = last.group(2).equals("one transaction") ? ExecutionMode.TRANSACTION : ExecutionMode.STATEMENT_BY_STATEMENT;
        Outcome outcome = last.group(3).equals("cancelled") ? Outcome.CANCELLED : Outcome.FAILED;
        int tookEffect = -1;
        int stoppedAt = 0;
        int stoppedLine = 0;
        for (String line : logs.substring(start).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher item = ITEM.matcher(line);
            if (!item.matches()) {
                break;
            }
            Matcher r = RANGE.matcher(item.group(2));
            if (!r.matches()) {
                return Optional.empty();
            }
            int to = r.group(2) == null ? 0 : Integer.parseInt(r.group(3) != null ? r.group(3) : r.group(2));
            switch (item.group(1)) {
                case "took effect" -> tookEffect = to;
                case "failed", "cancelled" -> {
                    stoppedAt = to;
                    stoppedLine = r.group(4) == null ? 0 : Integer.parseInt(r.group(4));
                }
                default -> {
                }
            }
        }
        if (tookEffect < 0) {
            return Optional.empty();
        }
        return Optional.of(new AttemptLedger(outcome, mode, total, tookEffect, stoppedAt, stoppedLine, false, Source.RECORDED));
    }

    /** The logs with godwit's block replaced by {@code ledger}'s (or added at the end). */
    public static String withTrailer(String logs, AttemptLedger ledger) {
        String base = logs == null ? "" : logs;
        int at = base.lastIndexOf(HEADER);
        if (at >= 0) {
            int end = at;
            String[] lines = base.substring(at).split("\n", -1);
            end += lines[0].length() + 1;
            for (int i = 1; i < lines.length && ITEM.matcher(lines[i]).matches(); i++) {
                end += lines[i].length() + 1;
            }
            base = base.substring(0, at) + base.substring(Math.min(end, base.length()));
        }
        if (!base.isEmpty() && !base.endsWith("\n")) {
            base += "\n";
        }
        return base + ledger.trailer();
    }

    /** "3", "1-2", "4-40". */
    public static String range(int from, int to) {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }

    /** The statement numbers in effect, for JSON. */
    public List<Integer> statementsInEffect() {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= tookEffect; i++) {
            out.add(i);
        }
        return out;
    }
}
