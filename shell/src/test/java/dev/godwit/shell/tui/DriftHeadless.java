package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.godwit.engine.diff.Change;
import dev.godwit.engine.drift.DriftReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A drift report on Lanterna's virtual terminal, with actions that only record what they were asked. */
final class DriftHeadless {
    final DefaultVirtualTerminal vt;
    final TerminalScreen screen;
    final DriftScreen drift;
    final List<String> calls = new ArrayList<>();
    /** What check() returns after an adopt. */
    DriftReport afterAdopt = Drifts.none();

    DriftHeadless(DriftReport report, int columns, int rows, TimelineScreen.Options options) {
        try {
            vt = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(vt);
            screen.startScreen();
            drift = new DriftScreen(screen, new DriftModel(report, Drifts::script), recorder(), options);
            drift.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DriftHeadless(DriftReport report) {
        this(report, 80, 24, new TimelineScreen.Options(false, false, "blog"));
    }

    DriftScreen.Actions recorder() {
        return new DriftScreen.Actions() {
            @Override
            public DriftReport check() {
                calls.add("check");
                return afterAdopt;
            }

            @Override
            public String adopt(String name, java.time.Instant at, DriftReport report) {
                calls.add("adopt " + name + " (" + report.drift().size() + " changes)");
                return dev.godwit.engine.migrate.MigrationFolderName.of(name, at);
            }

            @Override
            public String script(List<Change> changes) {
                return Drifts.script(changes);
            }
        };
    }

    DriftHeadless keys(String spec) {
        Headless.strokes(spec).forEach(vt::addInput);
        try {
            drift.processPending();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    DriftHeadless resize(int columns, int rows) {
        vt.setTerminalSize(new TerminalSize(columns, rows));
        try {
            drift.processPending();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String text() {
        return Headless.text(vt);
    }
}
