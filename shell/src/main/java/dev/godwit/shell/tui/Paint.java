package dev.godwit.shell.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.godwit.shell.session.TerminalText;

import java.util.List;

/** How the screens put styled lines, boxes and the too-small message on a Lanterna screen; no colours with NO_COLOR. */
final class Paint {
    private final boolean color;

    Paint(boolean color) {
        this.color = color;
    }

    void put(TextGraphics g, int x, int y, int width, Line line) {
        put(g, x, y, width, line, false);
    }

    /** Draws a line from column x, cut at width columns. */
    void put(TextGraphics g, int x, int y, int width, Line line, boolean reverse) {
        int col = 0;
        for (Line.Span s : line.spans()) {
            if (col >= width) {
                break;
            }
            String t = TerminalText.oneLine(s.text()); // text from the database never reaches the terminal raw
            if (t.length() > width - col) {
                t = t.substring(0, width - col);
            }
            style(g, s.tone(), reverse);
            g.putString(x + col, y, t);
            col += t.length();
        }
        style(g, Tone.NORMAL, reverse);
    }

    /** A selected row: reversed across the whole width, with a ▸ in the first column. */
    void selectedRow(TextGraphics g, int y, int w, int x, Line row) {
        g.clearModifiers();
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.enableModifiers(SGR.REVERSE);
        g.putString(0, y, " ".repeat(w));
        g.putString(0, y, "▸");
        put(g, x, y, w - x, row, true);
        g.disableModifiers(SGR.REVERSE);
    }

    /** A framed box in the middle of the screen; a line wider than the screen allows is broken between words. */
    void box(TextGraphics g, int w, int h, List<Line> given) {
        int inner = Math.min(w - 6, Math.max(40, given.stream().mapToInt(l -> l.text().length()).max().orElse(40)));
        List<Line> lines = new java.util.ArrayList<>();
        given.forEach(l -> lines.addAll(l.wrap(inner, 2)));
        int bw = inner + 4;
        int bh = lines.size() + 2;
        int x = (w - bw) / 2;
        int y = Math.max(0, (h - bh) / 2);
        style(g, Tone.NORMAL, false);
        for (int i = 0; i < bh; i++) {
            g.putString(x, y + i, " ".repeat(bw));
        }
        style(g, Tone.HEADER, false);
        g.putString(x, y, "┌" + "─".repeat(bw - 2) + "┐");
        for (int i = 1; i < bh - 1; i++) {
            g.putString(x, y + i, "│");
            g.putString(x + bw - 1, y + i, "│");
        }
        g.putString(x, y + bh - 1, "└" + "─".repeat(bw - 2) + "┘");
        for (int i = 0; i < lines.size(); i++) {
            put(g, x + 2, y + 1 + i, inner, lines.get(i));
        }
    }

    /** The message shown instead of a screen below its minimum size. */
    void tooSmall(TextGraphics g, int w, int h, String what, int minColumns, int minRows) {
        String[] text = {
                "The " + what + " needs at least " + minColumns + "×" + minRows + ";",
                "this terminal is " + w + "×" + h + ".",
                "Enlarge it, or press q to go back."};
        for (int i = 0; i < text.length; i++) {
            String t = text[i].length() > w ? text[i].substring(0, w) : text[i];
            int x = Math.max(0, (w - t.length()) / 2);
            int y = Math.max(0, h / 2 - 1 + i);
            if (y < h) {
                style(g, i == 0 ? Tone.BOLD : Tone.NORMAL, false);
                g.putString(x, y, t);
            }
        }
    }

    void style(TextGraphics g, Tone tone, boolean reverse) {
        g.clearModifiers();
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        if (reverse) {
            g.enableModifiers(SGR.REVERSE);
        }
        switch (tone) {
            case BOLD, HEADER, FAILED, FAILED_MARK, DANGER, ERROR -> g.enableModifiers(SGR.BOLD);
            default -> {
            }
        }
        if (!color) {
            return;
        }
        TextColor c = switch (tone) {
            case DIM, COMMENT -> TextColor.ANSI.BLACK_BRIGHT;
            case HEADER -> TextColor.ANSI.CYAN;
            case KEYWORD -> TextColor.ANSI.BLUE_BRIGHT;
            case STRING -> TextColor.ANSI.GREEN;
            case DANGER, FAILED, FAILED_MARK, ERROR -> TextColor.ANSI.RED;
            case APPLIED, OK -> TextColor.ANSI.GREEN;
            case PENDING, ROLLED_BACK -> TextColor.ANSI.CYAN;
            case OUT_OF_ORDER, EDITED -> TextColor.ANSI.YELLOW;
            case MISSING -> TextColor.ANSI.MAGENTA;
            default -> TextColor.ANSI.DEFAULT;
        };
        if (!reverse || tone != Tone.DIM) {
            g.setForegroundColor(c);
        }
    }
}
