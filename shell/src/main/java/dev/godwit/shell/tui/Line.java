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
