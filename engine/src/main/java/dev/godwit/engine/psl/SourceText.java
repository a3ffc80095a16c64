package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Span;

import java.util.ArrayList;
import java.util.List;

/** A schema file's text with line positions, to turn offsets into lines and columns and show them. */
public final class SourceText {
    private final String fileName;
    private final String text;
    private final int[] lineStarts;
    /** Where each file of a multi-file schema starts in {@code text}, its name and its first (global) line. */
    private final int[] fileStarts;
    private final String[] fileNames;
    private final int[] fileFirstLines;

    public SourceText(String fileName, String text) {
        this(List.of(new SchemaFiles.File(fileName, text)));
    }

    /** Several files read as one schema: offsets run through them in order, one line break between two. */
    public SourceText(List<SchemaFiles.File> files) {
        this.fileName = files.get(0).name();
        this.text = String.join("\n", files.stream().map(SchemaFiles.File::text).toList());
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        fileStarts = new int[files.size()];
        fileNames = new String[files.size()];
        fileFirstLines = new int[files.size()];
        int offset = 0;
        for (int i = 0; i < files.size(); i++) {
            fileStarts[i] = offset;
            fileNames[i] = files.get(i).name();
            fileFirstLines[i] = globalLine(offset);
            offset += files.get(i).text().length() + 1;
        }
    }

    public String fileName() {
        return fileName;
    }

    /** The whole text (all files). */
    public String text() {
        return text;
    }

    private int fileIndex(int offset) {
        int i = fileStarts.length - 1;
        while (i > 0 && fileStarts[i] > offset) {
            i--;
        }
        return i;
    }

    /** 1-based line of an offset, within its file. */
    public int line(int offset) {
        return globalLine(offset) - fileFirstLines[fileIndex(offset)] + 1;
    }

    private int globalLine(int offset) {
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
        return o - lineStarts[globalLine(o) - 1] + 1;
    }

    /** The text of a (global) line. */
    private String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String s = text.substring(start, end);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public String location(Span span) {
        return fileNames[fileIndex(span.start())] + ":" + line(span.start()) + ":" + column(span.start());
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
            int global = globalLine(e.span().start());
            int col = column(e.span().start());
            String lineText = lineText(global);
            String gutter = " ".repeat(width + 1) + "| ";
            sb.append("error: ").append(e.message()).append('\n');
            sb.append("  -->  ").append(location(e.span())).append('\n');
            sb.append(gutter).append('\n');
            if (line > 1) {
                sb.append(pad(line - 1, width)).append(" | ").append(lineText(global - 1)).append('\n');
            }
            sb.append(pad(line, width)).append(" | ").append(lineText).append('\n');
            int endCol = globalLine(e.span().end()) == global ? column(e.span().end()) : lineText.length() + 1;
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
