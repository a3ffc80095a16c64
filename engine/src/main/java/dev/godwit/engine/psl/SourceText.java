package dev.godwit.engine.psl;

import java.util.ArrayList;
import java.util.List;

/** A schema file's text with line positions, to turn offsets into lines and columns and show them. */
public final class SourceText {
    private final String fileName;
    private final String text;
    private final int[] lineStarts;

    public SourceText(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        int o = Math.max(0, Math.min(offset, text.length()));
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= o) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset. */
    public int column(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        return o - lineStarts[line(o) - 1] + 1;
    }

    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String s = text.substring(start, end);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public String location(Span span) {
        return fileName + ":" + line(span.start()) + ":" + column(span.start());
    }

    /**
     * Every error as: {@code error: message}, {@code -->  file:line:column}, the line before and the
     * line itself with their numbers, and carets under the span (on its first line).
     */
    public String render(List<PslError> errors) {
        StringBuilder sb = new StringBuilder();
        int width = errors.stream().mapToInt(e -> String.valueOf(line(e.span().start())).length()).max().orElse(1);
        for (PslError e : errors) {
            int line = line(e.span().start());
            int col = column(e.span().start());
            String lineText = lineText(line);
            String gutter = " ".repeat(width + 1) + "| ";
            sb.append("error: ").append(e.message()).append('\n');
            sb.append("  -->  ").append(location(e.span())).append('\n');
            sb.append(gutter).append('\n');
            if (line > 1) {
                sb.append(pad(line - 1, width)).append(" | ").append(lineText(line - 1)).append('\n');
            }
            sb.append(pad(line, width)).append(" | ").append(lineText).append('\n');
            int endCol = line(e.span().end()) == line ? column(e.span().end()) : lineText.length() + 1;
            int carets = Math.max(1, endCol - col);
            sb.append(gutter).append(" ".repeat(Math.max(0, col - 1))).append("^".repeat(carets)).append('\n');
        }
        return sb.toString();
    }

    private static String pad(int n, int width) {
        String s = String.valueOf(n);
        return " ".repeat(width - s.length()) + s;
    }
}
