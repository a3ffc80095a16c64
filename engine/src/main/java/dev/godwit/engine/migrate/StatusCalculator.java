package dev.godwit.engine.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins the migrations folder and the history rows into one state per
 * migration, with Prisma's rules: any applied row makes a migration applied;
 * otherwise an unfinished, not rolled back row makes it failed; rolled-back
 * rows are ignored, so the migration is pending again.
 */
public final class StatusCalculator {
    private StatusCalculator() {
    }

    /**
     * {@code statuses} with the migration that an apply is running now marked {@link MigrationState#RUNNING}:
     * while a live session holds the migration lock, the newest unfinished attempt that recorded no error and
     * started after that session did (when the server says when it did) is in progress, not failed.
     */
    public static List<MigrationStatus> withRunning(List<MigrationStatus> statuses, Optional<dev.godwit.engine.dialect.LockHolder> holder) {
        if (holder.isEmpty()) {
            return statuses;
        }
        java.time.Instant since = holder.get().since();
        MigrationStatus newest = null;
        HistoryRecord newestAttempt = null;
        for (MigrationStatus s : statuses) {
            if (s.state() != MigrationState.FAILED) {
                continue;
            }
            HistoryRecord a = s.failedAttempt().orElseThrow();
            boolean quiet = a.logs() == null || a.logs().isBlank();
            boolean afterLock = since == null || a.startedAt() == null || !a.startedAt().isBefore(since.minusSeconds(2));
            if (quiet && afterLock && (newestAttempt == null || (a.startedAt() != null && newestAttempt.startedAt() != null
                    && a.startedAt().isAfter(newestAttempt.startedAt())))) {
                newest = s;
                newestAttempt = a;
            }
        }
        if (newest == null) {
            return statuses;
        }
        List<MigrationStatus> out = new ArrayList<>(statuses.size());
        for (MigrationStatus s : statuses) {
            out.add(s == newest ? new MigrationStatus(s.name(), MigrationState.RUNNING, s.local(), s.attempts()) : s);
        }
        return out;
    }

    public static List<MigrationStatus> compute(List<LocalMigration> local, List<HistoryRecord> history) {
        Map<String, List<HistoryRecord>> byName = new LinkedHashMap<>();
        for (HistoryRecord r : history) {
            byName.computeIfAbsent(r.migrationName(), k -> new ArrayList<>()).add(r);
        }
        String newestApplied = newestAppliedName(byName);

        // Sorted by name: local and missing migrations interleave by their timestamps.
        TreeMap<String, MigrationStatus> out = new TreeMap<>();
        for (LocalMigration m : local) {
            List<HistoryRecord> attempts = byName.getOrDefault(m.name(), List.of());
            out.put(m.name(), new MigrationStatus(m.name(), stateOf(m, attempts, newestApplied), Optional.of(m), attempts));
        }
        for (Map.Entry<String, List<HistoryRecord>> e : byName.entrySet()) {
            if (out.containsKey(e.getKey())) {
                continue;
            }
            boolean onlyRolledBack = e.getValue().stream().allMatch(HistoryRecord::isRolledBack);
            if (!onlyRolledBack) {
                out.put(e.getKey(), new MigrationStatus(e.getKey(), MigrationState.MISSING_LOCALLY, Optional.empty(), e.getValue()));
            }
        }
        return List.copyOf(out.values());
    }

    private static MigrationState stateOf(LocalMigration m, List<HistoryRecord> attempts, String newestApplied) {
        List<HistoryRecord> applied = attempts.stream().filter(HistoryRecord::isApplied).toList();
        if (!applied.isEmpty()) {
            // Several finished rows can exist (a resolve --applied beside a deploy): the file is
            // unchanged when it matches any of them.
            boolean fast = applied.stream().anyMatch(r -> m.checksum().equalsIgnoreCase(r.checksum()));
            boolean same = fast || matchesAny(applied, m.bytes());
            return same ? MigrationState.APPLIED : MigrationState.EDITED;
        }
        if (attempts.stream().anyMatch(HistoryRecord::isFailed)) {
            return MigrationState.FAILED;
        }
        if (newestApplied != null && m.name().compareTo(newestApplied) < 0) {
            return MigrationState.OUT_OF_ORDER;
        }
        return attempts.isEmpty() ? MigrationState.PENDING : MigrationState.ROLLED_BACK;
    }

    private static boolean matchesAny(List<HistoryRecord> applied, byte[] file) {
        return applied.stream().anyMatch(r -> Checksums.matches(r.checksum(), file));
    }

    private static String newestAppliedName(Map<String, List<HistoryRecord>> byName) {
        String newest = null;
        for (Map.Entry<String, List<HistoryRecord>> e : byName.entrySet()) {
            if (e.getValue().stream().anyMatch(HistoryRecord::isApplied)
                    && (newest == null || e.getKey().compareTo(newest) > 0)) {
                newest = e.getKey();
            }
        }
        return newest;
    }
}
