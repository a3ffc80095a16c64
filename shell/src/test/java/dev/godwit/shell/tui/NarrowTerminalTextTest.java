package dev.godwit.shell.tui;

import dev.godwit.engine.drift.DriftReport;
import dev.godwit.shell.render.DriftText;
import dev.godwit.shell.render.StatusText;
import dev.godwit.shell.session.Out;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The text forms a small terminal gets (status, and the drift report that `drift` prints when its screen does
 * not fit), as they look at 60 and 80 columns: lines broken between words, compared with golden files.
 */
class NarrowTerminalTextTest {
    @TempDir
    Path tmp;

    private static String printed(int columns, Consumer<Out> render) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Out out = new Out(stream, stream, false);
        out.wrapTo(() -> columns);
        render.accept(out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void fits(String text, int columns) {
        for (String line : text.split("\n")) {
            // a line may only be wider when it is one word (a path, a script line printed as it is)
            assertTrue(line.length() <= columns || !line.strip().contains(" ") || line.startsWith("ALTER") || line.startsWith("CREATE"),
                    "wider than " + columns + ": " + line);
        }
    }

    @Test
    void statusAt60And80Columns() {
        var report = Histories.everyState(tmp);
        for (int columns : new int[] {60, 80}) {
            String text = printed(columns, out -> new StatusText(out, ZoneOffset.UTC).render(report));
            fits(text, columns);
            Golden.check("status-text-" + columns + "cols", text);
        }
    }

    @Test
    void driftAt60And80Columns() {
        DriftReport report = Drifts.report();
        for (int columns : new int[] {60, 80}) {
            String text = printed(columns, out -> new DriftText(out).render(report));
            Golden.check("drift-text-" + columns + "cols", text);
        }
    }

    /**
     * Both scripts are printed, so each object is flagged for the script that may lose data on it, as the screen's
     * tabs do: reverting drops the table and the column the database gained, adopting drops the table it lost.
     */
    @Test
    void driftTextFlagsEachScriptForItsOwnDirection() {
        String text = printed(200, out -> new DriftText(out).render(Drifts.report()));
        assertTrue(text.contains("table \"audit\" (added)  [may lose data: revert]\n"), text);
        assertTrue(text.contains("table \"legacy\" (removed)  [may lose data: adopt]\n"), text);
        assertTrue(text.contains("table \"users\" (changed)  [may lose data: revert, adopt]\n"), text);
        assertTrue(text.contains("table \"posts\" (changed)\n"), "re-creating an index loses nothing:\n" + text);
        // the counts are the screen's: "3 may lose data" on the Revert tab, "2 may lose data" on the Adopt tab
        assertTrue(text.contains("-- SQL that brings the database back to its history, 3 differences may lose data:\n"), text);
        assertTrue(text.contains("-- SQL that records the drift as a new migration (godwit drift --adopt NAME), 2 differences may lose data:\n"), text);
    }

    @Test
    void headerLinesAreNeverCut() {
        DriftReport base = Drifts.report();
        DriftReport longer = new DriftReport("db-primary.eu-west-1.internal.example.com:5432/blog_production_reporting", base.shadow(),
                base.replayed(), base.drift(), base.revertScript(), base.adoptScript(), List.of("20250105000000_add_posts"),
                List.of("20250107000000_hotfix_orders", "20250109000000_hotfix_users"), base.unmanaged());
        for (int columns : new int[] {80, 100, 140}) {
            DriftHeadless h = new DriftHeadless(longer, columns, 30, new TimelineScreen.Options(false, false, "blog"));
            String flat = String.join(" ", h.text().lines().limit(6).map(String::strip).toList()).replaceAll("\\s+", " ");
            assertTrue(flat.contains(longer.database() + " " + longer.summary()), columns + " columns:\n" + h.text());
            assertTrue(flat.contains("(dropped afterwards)"), columns + " columns:\n" + h.text());
            assertTrue(h.text().contains("All differences"), "the tree still shows: " + h.text());
        }
        var every = Histories.everyState(tmp);
        var longName = new dev.godwit.engine.migrate.StatusReport("db-primary.eu-west-1.internal.example.com:5432/blog_production",
                every.serverVersion(), true, every.migrations(), java.util.Optional.empty(), List.of());
        Headless t = new Headless(longName, 80, 24, new TimelineScreen.Options(false, false, "blog"), null);
        String flat = String.join(" ", t.text().lines().limit(3).map(String::strip).toList()).replaceAll("\\s+", " ");
        assertTrue(flat.contains(longName.database() + " (PostgreSQL 17.2) 7 migrations"), t.text());
        assertTrue(t.text().contains("Migration"), "the column headings follow the header: " + t.text());
    }
}
