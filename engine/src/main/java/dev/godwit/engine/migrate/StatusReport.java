package dev.godwit.engine.migrate;

import dev.godwit.engine.dialect.ClusterState;
import dev.godwit.engine.dialect.LockHolder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole truth about a database's migrations, as {@code status} reports it. */
public record StatusReport(
        String database,
        String serverVersion,
        boolean historyTableExists,
        List<MigrationStatus> migrations,
        Optional<LockHolder> lockHolder,
        List<String> warnings,
        Optional<ClusterState> cluster,
        Map<String, AttemptLedger> ledgers) {

    public StatusReport {
        migrations = List.copyOf(migrations);
        warnings = List.copyOf(warnings);
        ledgers = Map.copyOf(ledgers);
    }

    /** A report without the ledgers of failed attempts (they are then read from the attempts' logs). */
    public StatusReport(String database, String serverVersion, boolean historyTableExists, List<MigrationStatus> migrations,
                        Optional<LockHolder> lockHolder, List<String> warnings, Optional<ClusterState> cluster) {
        this(database, serverVersion, historyTableExists, migrations, lockHolder, warnings, cluster, Map.of());
    }

    /**
     * Which statements of a failed migration's unresolved attempt took effect: as worked out with the file
     * when the report was made, else from the attempt's logs alone. Empty for a migration that is not failed.
     */
    public Optional<AttemptLedger> ledger(MigrationStatus m) {
        if (m.isApplied() || m.failedAttempt().isEmpty() || m.state() == MigrationState.RUNNING) {
            return Optional.empty(); // a running migration's row is unfinished because it runs, not because it failed
        }
        AttemptLedger known = ledgers.get(m.name());
        return Optional.of(known != null ? known : AttemptLedgers.of(m.failedAttempt().get(), Optional.empty(), true));
    }

    /** A report about a server that is no cluster node. */
    public StatusReport(String database, String serverVersion, boolean historyTableExists, List<MigrationStatus> migrations,
                        Optional<LockHolder> lockHolder, List<String> warnings) {
        this(database, serverVersion, historyTableExists, migrations, lockHolder, warnings, Optional.empty(), Map.of());
    }

    public List<MigrationStatus> inState(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }

    public List<MigrationStatus> pending() {
        return migrations.stream().filter(m -> m.state().isPending()).toList();
    }

    /** Migrations with an unresolved failed attempt, including ones missing locally. */
    public List<MigrationStatus> failed() {
        return migrations.stream().filter(m -> m.failedAttempt().isPresent() && !m.isApplied() && m.state() != MigrationState.RUNNING).toList();
    }

    public long count(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).count();
    }

    /** Everything applied, nothing failed, edited or missing. */
    public boolean upToDate() {
        return migrations.stream().allMatch(m -> m.state() == MigrationState.APPLIED);
    }

    /**
     * An apply is running (a migration is {@link MigrationState#RUNNING}) and nothing else needs a hand:
     * no failed, edited or missing migration; what is pending the running apply will take.
     */
    public boolean applyInProgress() {
        return count(MigrationState.RUNNING) > 0 && migrations.stream().allMatch(m -> m.state() == MigrationState.APPLIED
                || m.state() == MigrationState.RUNNING || m.state() == MigrationState.PENDING);
    }

    /** One line: "3 migrations: 2 applied, 1 pending". */
    public String summary() {
        if (migrations.isEmpty()) {
            return "no migrations";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(migrations.size()).append(migrations.size() == 1 ? " migration: " : " migrations: ");
        boolean first = true;
        for (MigrationState s : MigrationState.values()) {
            long n = count(s);
            if (n > 0) {
                // a rolled-back migration runs again: the prompt counts it as pending, so say so here too
                sb.append(first ? "" : ", ").append(n).append(' ').append(s.label()).append(s == MigrationState.ROLLED_BACK ? " (pending again)" : "");
                first = false;
            }
        }
        if (upToDate()) {
            sb.append(" — up to date");
        }
        return sb.toString();
    }
}
