package dev.godwit.shell.render;

import dev.godwit.shell.session.Out;

import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.schema.UnmanagedObject;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Destructive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The drift report as text and as JSON. */
public final class DriftText {
    private final Out out;

    public DriftText(Out out) {
        this.out = out;
    }

    public void render(DriftReport r) {
        // both scripts are printed, so an object is flagged for each that may lose data on it, as the screen's tabs do
        Map<String, Predicate<Change>> losses = new LinkedHashMap<>();
        losses.put("revert", Destructive.inReverse(r.drift()));
        losses.put("adopt", Destructive.in(r.drift()));
        out.println("Drift on " + r.database() + ": " + (r.hasDrift() ? out.style(Out.Style.YELLOW, r.summary()) : out.style(Out.Style.GREEN, "none")));
        out.println("  compared with " + r.replayed().size() + " applied migration(s) replayed into the " + r.shadow());
        r.leftByFailed().forEach((migration, changes) -> {
            out.println(out.style(Out.Style.RED, "Left by the failed migration " + migration) + " (its statements that took effect made "
                    + (changes.size() == 1 ? "it" : "them") + "; `godwit resolve --undo " + migration + "` or `godwit resolve --finish " + migration + "`):");
            for (String line : ChangeText.lines(changes, losses)) {
                out.println("  " + line);
            }
        });
        List<Change> other = r.drift().stream().filter(c -> r.leftBy(c).isEmpty()).toList();
        if (!r.leftByFailed().isEmpty() && !other.isEmpty()) {
            out.println("Other differences:");
        }
        for (String line : ChangeText.lines(other, losses)) {
            out.println(line);
        }
        for (String name : r.edited()) {
            out.println("migration " + name + " (edited after apply): the applied text is unknown (the history keeps only "
                    + "checksums); the replay used the current file");
        }
        for (String name : r.missingLocally()) {
            out.println("migration " + name + " (missing locally): applied to the database but not in the folder, so not replayed");
        }
        if (!r.unmanaged().isEmpty()) {
            out.println("Not compared (godwit does not model these objects and never drops them; they differ from what the history creates):");
            for (UnmanagedObject u : r.unmanaged()) {
                out.println("  " + u.kind() + " " + u.name() + (u.detail() == null ? "" : ": " + u.detail()));
            }
        }
        if (!r.drift().isEmpty()) {
            out.println("");
            out.println("-- SQL that brings the database back to its history" + lossCount(r.drift(), losses.get("revert")) + ":");
            out.print(r.revertScript());
            out.println("");
            out.println("-- SQL that records the drift as a new migration (godwit drift --adopt NAME)" + lossCount(r.drift(), losses.get("adopt")) + ":");
            out.print(r.adoptScript());
        }
    }

    /** ", 2 differences may lose data": how many of the drift's differences may lose data when the script runs. */
    private static String lossCount(List<Change> drift, Predicate<Change> losesData) {
        long n = drift.stream().filter(losesData).count();
        return n == 0 ? "" : ", " + n + (n == 1 ? " difference" : " differences") + " may lose data";
    }

    public static Map<String, Object> json(DriftReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", r.database());
        m.put("drift", r.hasDrift());
        m.put("summary", r.summary());
        m.put("shadow", r.shadow());
        m.put("replayed", r.replayed());
        m.put("tables", r.tables());
        m.put("changes", ChangeJson.changes(r.drift()));
        m.put("leftByFailedMigrations", leftByFailed(r));
        m.put("edited", r.edited());
        m.put("missingLocally", r.missingLocally());
        m.put("unmanaged", r.unmanaged().stream().map(u -> {
            Map<String, Object> um = new LinkedHashMap<>();
            um.put("kind", u.kind());
            um.put("name", u.name());
            um.put("detail", u.detail());
            return um;
        }).toList());
        m.put("revertScript", r.revertScript());
        m.put("adoptScript", r.adoptScript());
        return m;
    }

    /** The part of the JSON that status --json carries. */
    public static Map<String, Object> statusJson(DriftReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("found", r.hasDrift());
        m.put("summary", r.summary());
        m.put("tables", r.tables());
        m.put("edited", r.edited());
        m.put("shadow", r.shadow());
        m.put("leftByFailedMigrations", leftByFailed(r));
        return m;
    }

    private static List<Map<String, Object>> leftByFailed(DriftReport r) {
        return r.leftByFailed().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("migration", e.getKey());
            m.put("changes", ChangeJson.changes(e.getValue()));
            return m;
        }).toList();
    }
}
