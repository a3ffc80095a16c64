package dev.godwit.shell.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline and the drift report share, so that the two screens cannot drift apart: the loop that
 * reads keys and redraws, the keys that move through a list and scroll a detail pane, the message line, the
 * outcome of a confirmation, and the layout of header, list, separator and detail. Each screen keeps only
 * what is its own (its keys, its modes, what it draws in the frame).
 */
final class ScreenFrame {
    /** A screen as the loop sees it. */
    interface View {
        /** One key, in whatever mode the screen is in. */
        void handle(KeyStroke k);

        void draw() throws IOException;

        boolean isDone();
    }

    /** The selected line of a screen's list, which the movement keys move (each screen's model). */
    interface Selection {
        void moveBy(int delta);

        void home();

        void end();
    }

    /** The list and the detail pane the movement keys act on. */
    interface Pane {
        /** The model whose selection the movement keys move. */
        Selection selection();

        default void moveBy(int delta) {
            selection().moveBy(delta);
        }

        default void home() {
            selection().home();
        }

        default void end() {
            selection().end();
        }

        /** Scrolls the detail pane by {@code delta} lines. */
        void scrollDetail(int delta);
    }

    private String message;
    private Tone messageTone = Tone.NORMAL;
    private boolean done;
    private int listHeight = 1;
    private int detailHeight = 1;

    // ---- the loop ----

    /** Draws, then handles keys and resizes until the view is done. */
    static void run(Screen screen, View view) throws IOException {
        view.draw();
        while (!view.isDone()) {
            if (!processPending(screen, view)) {
                try {
                    Thread.sleep(15);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Handles every key already typed and any resize, then redraws once. False when there was nothing to do. */
    static boolean processPending(Screen screen, View view) throws IOException {
        boolean changed = screen.doResizeIfNecessary() != null;
        KeyStroke k;
        while (!view.isDone() && (k = screen.pollInput()) != null) {
            view.handle(k);
            changed = true;
        }
        if (changed && !view.isDone()) {
            view.draw();
        }
        return changed;
    }

    // ---- keys ----

    /**
     * The keys that mean the same on both screens: ↑↓ j k move, Shift+↑↓ J K scroll the detail, Space b scroll
     * it a page, PgUp PgDn Home End, q Ctrl-C Ctrl-D leave. True when {@code k} was one of them.
     */
    boolean navigate(KeyStroke k, Pane pane) {
        switch (k.getKeyType()) {
            case ArrowUp -> {
                if (k.isShiftDown()) {
                    pane.scrollDetail(-1);
                } else {
                    pane.moveBy(-1);
                }
            }
            case ArrowDown -> {
                if (k.isShiftDown()) {
                    pane.scrollDetail(1);
                } else {
                    pane.moveBy(1);
                }
            }
            case PageUp -> pane.moveBy(-listHeight);
            case PageDown -> pane.moveBy(listHeight);
            case Home -> pane.home();
            case End -> pane.end();
            case Character -> {
                char c = k.getCharacter();
                if (k.isCtrlDown() && (c == 'c' || c == 'd')) {
                    done = true;
                    return true;
                }
                switch (c) {
                    case 'q' -> done = true;
                    case 'j' -> pane.moveBy(1);
                    case 'k' -> pane.moveBy(-1);
                    case 'J' -> pane.scrollDetail(1);
                    case 'K' -> pane.scrollDetail(-1);
                    case ' ' -> pane.scrollDetail(Math.max(1, detailHeight - 1));
                    case 'b' -> pane.scrollDetail(-Math.max(1, detailHeight - 1));
                    default -> {
                        return false;
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * What a key did to a confirmation. On an answer the dialog is closed ({@code close}) before anything else
     * happens; yes runs {@code confirmed}; no says {@code cancelled}; a wrong database name says what was kept
     * ({@code kept}: "Nothing written") and why. While the dialog stays open, its problem (if any) is shown.
     */
    void answer(ConfirmDialog.Result result, ConfirmDialog dialog, String databaseName, Runnable close, Runnable confirmed,
                String cancelled, String kept) {
        switch (result) {
            case CONFIRMED -> {
                close.run();
                confirmed.run();
            }
            case CANCELLED -> {
                close.run();
                say(cancelled, Tone.DIM);
            }
            case WRONG_NAME -> {
                close.run();
                say(kept + ": the name typed is not " + databaseName + ".", Tone.ERROR);
            }
            case OPEN -> {
                if (dialog != null && dialog.problem() != null) {
                    say(dialog.problem(), Tone.ERROR);
                }
            }
        }
    }

    void finish() {
        done = true;
    }

    boolean isDone() {
        return done;
    }

    // ---- the message line ----

    void say(String text, Tone tone) {
        message = text;
        messageTone = tone;
    }

    /** Each key clears the message of the key before it. */
    void clearMessage() {
        message = null;
    }

    String message() {
        return message;
    }

    Tone messageTone() {
        return messageTone;
    }

    // ---- layout ----

    /**
     * Header lines broken at word boundaries to the width, so that none is cut (a long database name or
     * summary takes another row); continuation rows are indented by {@code indent}.
     */
    static List<Line> header(int width, int indent, Line... lines) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            out.addAll(l.wrap(width, indent));
        }
        return out;
    }

    /**
     * Splits the rows left after the header and {@code chrome} fixed rows (separator, tabs, footer) between the
     * list (at most half, at least 3, no more than it has rows) and the detail pane.
     */
    void layout(int rows, int headerRows, int chrome, int listRows, int minimumList) {
        int free = rows - headerRows - chrome;
        listHeight = Math.max(3, Math.min(Math.max(minimumList, listRows), free / 2));
        detailHeight = free - listHeight;
    }

    int listHeight() {
        return listHeight;
    }

    int detailHeight() {
        return detailHeight;
    }

    /** The rule between list and detail: "──── more above: K ─ more below: J or Space ─ 3/12 ─". */
    static Line separator(int width, String where, int from, int detailLines, int detailHeight) {
        if (from + detailHeight < detailLines) {
            where = "more below: J or Space ─ " + where;
        }
        if (from > 0) {
            where = "more above: K ─ " + where;
        }
        return Line.of("─".repeat(Math.max(0, width - where.length() - 3)) + " " + where + " ─", Tone.DIM);
    }
}
