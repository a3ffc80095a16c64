package dev.godwit.shell.tui;

import java.util.ArrayList;
import java.util.List;

/** One line of text made of styled spans. */
public record Line(List<Span> spans) {

    public record Span(String text, Tone tone) {
    }

    public Line {
        spans = List.copyOf(spans);
    }

    public static Line of(String text) {
        return of(text, Tone.NORMAL);
    }

    public static Line of(String text, Tone tone) {
        return new Line(List.of(new Span(text, tone)));
    }

    public static Line empty() {
        return new Line(List.of());
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    /**
     * This line in pieces at most {@code width} columns wide, broken at spaces so that no word is cut (only a word
     * wider than a whole piece is); the pieces after the first start with {@code indent} spaces. Tones are kept.
     */
    public List<Line> wrap(int width, int indent) {
        String t = text();
        if (t.length() <= width || width <= indent + 1) {
            return List.of(this);
        }
        List<Line> out = new ArrayList<>();
        int start = 0;
        boolean first = true;
        while (start < t.length()) {
            int room = first ? width : width - indent;
            int end;
            if (t.length() - start <= room) {
                end = t.length();
            } else {
                int space = t.lastIndexOf(' ', start + room);
                end = space > start ? space : start + room; // a word wider than the room is cut
            }
            Line piece = slice(start, end);
            out.add(first ? piece : new Line(prepend(" ".repeat(indent), piece)));
            first = false;
            start = end;
            while (start < t.length() && t.charAt(start) == ' ') {
                start++;
            }
        }
        return out;
    }

    /** The characters from {@code from} to {@code to} of the text, with their tones. */
    private Line slice(int from, int to) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            int a = Math.max(from, at);
            int b = Math.min(to, at + s.text().length());
            if (a < b) {
                out.add(new Span(s.text().substring(a - at, b - at), s.tone()));
            }
            at += s.text().length();
        }
        return new Line(out);
    }

    private static List<Span> prepend(String text, Line line) {
        List<Span> out = new ArrayList<>();
        out.add(new Span(text, Tone.NORMAL));
        out.addAll(line.spans());
        return out;
    }

    /** Builds a line span by span. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder add(String text, Tone tone) {
            if (!text.isEmpty()) {
                spans.add(new Span(text, tone));
            }
            return this;
        }

        public Builder add(String text) {
            return add(text, Tone.NORMAL);
        }

        public Line build() {
            return new Line(spans);
        }
    }
}
