package dev.godwit.engine.drift;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.schema.UnmanagedObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a live database differs from what its applied migrations describe.
 *
 * @param database       the live database (display form)
 * @param shadow         which shadow database the history was replayed into
 * @param replayed       the applied migrations that were replayed, in order
 * @param drift          history → database: what was done to the database outside the migrations
 * @param revertScript   SQL that brings the database back to its history
 * @param adoptScript    SQL that records the drift as a new migration (history → database)
 * @param edited         applied migrations whose file changed since (the replay used the current file)
 * @param missingLocally applied migrations with no folder here (they could not be replayed)
 * @param unmanaged      objects in the database that godwit does not manage: listed, never drift
 * @param leftByFailed   per failed migration, the differences its statements that took effect account for (a table it
 *                       created before a later statement failed): drift with a known cause, in order of the migrations
 */
public record DriftReport(String database, String shadow, List<String> replayed, List<Change> drift,
                          String revertScript, String adoptScript, List<String> edited, List<String> missingLocally,
                          List<UnmanagedObject> unmanaged, Map<String, List<Change>> leftByFailed) {

    public DriftReport(String database, String shadow, List<String> replayed, List<Change> drift, String revertScript,
                       String adoptScript, List<String> edited, List<String> missingLocally, List<UnmanagedObject> unmanaged) {
        this(database, shadow, replayed, drift, revertScript, adoptScript, edited, missingLocally, unmanaged, Map.of());
    }

    public DriftReport {
        leftByFailed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(leftByFailed));
        replayed = List.copyOf(replayed);
        drift = List.copyOf(drift);
        edited = List.copyOf(edited);
        missingLocally = List.copyOf(missingLocally);
        unmanaged = List.copyOf(unmanaged);
    }

    /**
     * Anything that needs a person: schema drift, history the replay cannot vouch for, or objects godwit does
     * not model that differ from what the history creates (never "none" about what was not compared).
     */
    public boolean hasDrift() {
        return !drift.isEmpty() || !edited.isEmpty() || !missingLocally.isEmpty() || !unmanaged.isEmpty();
    }

    /** The failed migration whose statements account for this difference, if any. */
    public Optional<String> leftBy(Change c) {
        return leftByFailed.entrySet().stream().filter(e -> e.getValue().contains(c)).map(Map.Entry::getKey).findFirst();
    }

    /** The tables the drift touches, in order of first appearance. */
    public List<String> tables() {
        return drift.stream().map(Change::table).flatMap(Optional::stream).distinct().toList();
    }

    /** One line for status: "none", or what and where. */
    public String summary() {
        if (!hasDrift()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if (!drift.isEmpty()) {
            int t = tables().size();
            sb.append(drift.size()).append(drift.size() == 1 ? " difference" : " differences");
            if (t > 0) {
                sb.append(" in ").append(t).append(t == 1 ? " table" : " tables");
            }
        }
        if (!edited.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(edited.size()).append(" edited migration(s)");
        }
        if (!missingLocally.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(missingLocally.size()).append(" applied migration(s) missing locally");
        }
        if (sb.isEmpty()) {
            // only objects it does not model differ: say so rather than "none" (with other drift they are listed below it)
            sb.append("no difference in what godwit compares, but ").append(unmanaged.size())
                    .append(" object(s) godwit does not model differ (not compared)");
        }
        return sb.toString();
    }
}
