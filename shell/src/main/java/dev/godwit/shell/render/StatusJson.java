package dev.godwit.shell.render;

import dev.godwit.engine.dialect.ClusterState;
import dev.godwit.engine.dialect.LockHolder;
import dev.godwit.engine.migrate.FailureLog;
import dev.godwit.engine.migrate.HistoryRecord;
import dev.godwit.engine.migrate.MigrationStatus;
import dev.godwit.engine.migrate.RecoveryAdvice;
import dev.godwit.engine.migrate.StatusReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The status report as JSON: stable keys, for scripts and CI. */
public final class StatusJson {
    private StatusJson() {
    }

    public static String render(StatusReport r) {
        return render(r, Map.of());
    }

    /** With extra top-level keys (e.g. "drift" for status --drift). */
    public static String render(StatusReport r, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("server", r.serverVersion());
        m.put("historyTable", r.historyTableExists());
        m.put("upToDate", r.upToDate());
        m.put("summary", r.summary());
        m.put("lock", r.lockHolder().map(StatusJson::lock).orElse(null));
        r.cluster().ifPresent(c -> m.put("cluster", cluster(c)));
        m.put("migrations", r.migrations().stream().map(s -> migration(r, s)).toList());
        m.put("warnings", r.warnings());
        m.putAll(extra);
        return Json.write(m);
    }

    private static Map<String, Object> cluster(ClusterState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("size", c.size());
        m.put("status", c.clusterStatus());
        m.put("node", c.node());
        m.put("nodeState", c.nodeState());
        m.put("members", c.members());
        return m;
    }

    private static Map<String, Object> lock(LockHolder h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", h.sessionId());
        m.put("user", h.user());
        m.put("application", h.applicationName());
        m.put("client", h.clientAddress());
        m.put("since", str(h.since()));
        m.put("state", h.state());
        m.put("idle", h.idle());
        m.put("inStateSeconds", h.inState() == null ? null : h.inState().toSeconds());
        m.put("description", h.describe());
        return m;
    }

    private static Map<String, Object> migration(StatusReport r, MigrationStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("state", s.state().name().toLowerCase());
        HistoryRecord decisive = s.decisiveAttempt().orElse(null);
        m.put("appliedAt", decisive != null && decisive.isApplied() ? str(decisive.finishedAt()) : null);
        m.put("durationMs", decisive != null && decisive.duration() != null ? decisive.duration().toMillis() : null);
        m.put("attempts", s.attempts().size());
        m.put("error", s.failedAttempt().map(f -> FailureLog.summary(f)).orElse(null));
        r.ledger(s).ifPresent(l -> {
            m.put("statements", LedgerJson.of(l));
            m.put("next", RecoveryAdvice.next(s.name(), l));
        });
        m.put("localChecksum", s.local().map(l -> l.checksum()).orElse(null));
        m.put("recordedChecksum", decisive == null ? null : decisive.checksum());
        List<Map<String, Object>> attempts = s.attempts().stream().map(StatusJson::attempt).toList();
        m.put("history", attempts);
        return m;
    }

    private static Map<String, Object> attempt(HistoryRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("startedAt", str(a.startedAt()));
        m.put("finishedAt", str(a.finishedAt()));
        m.put("rolledBackAt", str(a.rolledBackAt()));
        m.put("appliedSteps", a.appliedStepsCount());
        m.put("logs", a.logs());
        return m;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
