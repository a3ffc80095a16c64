package dev.godwit.shell.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.godwit.engine.migrate.StatusReport;
import dev.godwit.engine.Provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A timeline on Lanterna's virtual terminal: type keys, read the screen as text. */
final class Headless {
    final DefaultVirtualTerminal vt;
    final TerminalScreen screen;
    final TimelineScreen timeline;
    final TimelineModel model;
    final List<String> calls = new ArrayList<>();
    /** What d opens; null: no drift report here. */
    DriftScreen.Actions driftActions;

    Headless(StatusReport report, int columns, int rows, TimelineScreen.Options options, TimelineScreen.Actions actions) {
        try {
            vt = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(vt);
            screen.startScreen();
            model = new TimelineModel(report, Provider.POSTGRESQL, ZoneOffset.UTC);
            timeline = new TimelineScreen(screen, model, actions != null ? actions : recorder(report), options);
            timeline.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Headless(StatusReport report) {
        this(report, 80, 24, new TimelineScreen.Options(false, false, "blog"), null);
    }

    private TimelineScreen.Actions recorder(StatusReport report) {
        return new TimelineScreen.Actions() {
            @Override
            public StatusReport reload() {
                return report;
            }

            @Override
            public void resolveRolledBack(String name, String reason) {
                calls.add("rolled-back " + name + " (" + reason + ")");
            }

            @Override
            public void resolveApplied(String name, String reason) {
                calls.add("applied " + name + " (" + reason + ")");
            }

            @Override
            public DriftScreen.Actions drift() {
                return driftActions;
            }
        };
    }

    /** Queues keys: plain characters, or names in angle brackets such as {@code <Down>}, {@code <Enter>}, {@code <Esc>}. */
    Headless keys(String spec) {
        strokes(spec).forEach(vt::addInput);
        pump();
        return this;
    }

    /** The key strokes of a spec as {@link #keys(String)} reads it. */
    static List<KeyStroke> strokes(String spec) {
        List<KeyStroke> out = new ArrayList<>();
        int i = 0;
        while (i < spec.length()) {
            char c = spec.charAt(i);
            if (c == '<' && spec.indexOf('>', i) > i + 1) {
                int close = spec.indexOf('>', i);
                String name = spec.substring(i + 1, close);
                out.add(switch (name) {
                    case "Down" -> new KeyStroke(KeyType.ArrowDown);
                    case "Up" -> new KeyStroke(KeyType.ArrowUp);
                    case "Left" -> new KeyStroke(KeyType.ArrowLeft);
                    case "Right" -> new KeyStroke(KeyType.ArrowRight);
                    case "PgDn" -> new KeyStroke(KeyType.PageDown);
                    case "PgUp" -> new KeyStroke(KeyType.PageUp);
                    case "Home" -> new KeyStroke(KeyType.Home);
                    case "End" -> new KeyStroke(KeyType.End);
                    case "Enter" -> new KeyStroke(KeyType.Enter);
                    case "Esc" -> new KeyStroke(KeyType.Escape);
                    case "BS" -> new KeyStroke(KeyType.Backspace);
                    case "Tab" -> new KeyStroke(KeyType.Tab);
                    default -> throw new IllegalArgumentException(name);
                });
                i = close + 1;
            } else {
                out.add(new KeyStroke(c, false, false));
                i++;
            }
        }
        return out;
    }

    Headless pump() {
        try {
            timeline.processPending();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Headless resize(int columns, int rows) {
        vt.setTerminalSize(new TerminalSize(columns, rows));
        return pump();
    }

    /** The screen as text, one line per row, trailing blanks cut. */
    String text() {
        return text(vt);
    }

    static String text(DefaultVirtualTerminal vt) {
        TerminalSize size = vt.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter c = vt.getCharacter(x, y);
                line.append(c == null ? " " : c.getCharacterString());
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The screen row that contains {@code text}, or -1. */
    int rowOf(String text) {
        String[] lines = text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        return -1;
    }

    TextCharacter at(int x, int y) {
        return vt.getCharacter(x, y);
    }
}
