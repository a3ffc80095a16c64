package dev.godwit.shell.tui;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.drift.DriftReport;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.UnmanagedObject;
import dev.godwit.shell.render.ChangeText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The drift report as a tree, without any drawing: one node per table (added, removed,
 * changed) and per enum, view or sequence, each with its differences as children (columns,
 * keys, indexes, foreign keys); then migrations the replay could not vouch for, then the
 * objects godwit does not manage. Knows the selection, which nodes are open, which script
 * the detail pane shows and how far it is scrolled.
 */
public final class DriftModel implements ScreenFrame.Selection {

    /** Which of the two scripts the detail pane shows. */
    public enum Script {
        REVERT("Revert to history"), ADOPT("Adopt as migration");

        private final String title;

        Script(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Kind { ALL, OBJECT, CHANGE, SECTION, HISTORY, UNMANAGED }

    /** One node of the tree. {@code changes} are the differences its scripts cover. */
    public static final class Node {
        final Kind kind;
        final String key;
        final Line label;
        final List<Change> changes;
        final List<String> note;
        final List<Node> children = new ArrayList<>();
        Node parent;
        int depth;
        /** How many of its differences may lose data when the adopt script runs (elsewhere) and when the revert script runs here. */
        int lossAdopt;
        int lossRevert;

        Node(Kind kind, String key, Line label, List<Change> changes, List<String> note) {
            this.kind = kind;
            this.key = key;
            this.label = label;
            this.changes = changes;
            this.note = note;
        }

        public Kind kind() {
            return kind;
        }

        public String key() {
            return key;
        }

        public Line label() {
            return label;
        }

        public int depth() {
            return depth;
        }

        public List<Change> changes() {
            return changes;
        }

        public boolean hasChildren() {
            return !children.isEmpty();
        }
    }

    private DriftReport report;
    private final Function<List<Change>, String> scriptWriter;
    private final List<Node> roots = new ArrayList<>();
    private final Set<String> collapsed = new HashSet<>();
    private List<Node> visible = List.of();
    private int selected;
    private int top;
    private Script script = Script.ADOPT;
    private int detailScroll;
    private Node detailFor;
    private Script detailScript;
    private int detailWidth;
    private List<Line> detailCache;

    /** @param scriptWriter the database's DDL for a list of changes (its {@code DdlWriter::script}) */
    public DriftModel(DriftReport report, Function<List<Change>, String> scriptWriter) {
        this.scriptWriter = scriptWriter;
        replace(report);
    }

    public DriftReport report() {
        return report;
    }

    /** A fresh report (after adopting): the tree is rebuilt, the selection kept where the same node still exists. */
    public void replace(DriftReport fresh) {
        String keep = selected().map(n -> n.key).orElse(null);
        this.report = fresh;
        roots.clear();
        build();
        flatten();
        selected = 0;
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).key.equals(keep)) {
                selected = i;
            }
        }
        detailCache = null;
        detailScroll = 0;
    }

    // ---- building the tree ----

    private void build() {
        if (!report.drift().isEmpty()) {
            Node all = new Node(Kind.ALL, "all", new Line.Builder().add("All differences", Tone.BOLD)
                    .add("  " + differences(report), Tone.DIM).build(), report.drift(), List.of());
            all.lossAdopt = (int) report.drift().stream().filter(dev.godwit.engine.diff.Destructive.in(report.drift())).count();
            all.lossRevert = lossesOfRevert(report.drift());
            roots.add(all);
        }
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (Change c : report.drift()) {
            groups.computeIfAbsent(objectKey(c), k -> new ArrayList<>()).add(c);
        }
        groups.forEach((key, changes) -> roots.add(object(key, changes)));

        if (!report.edited().isEmpty() || !report.missingLocally().isEmpty()) {
            Node history = new Node(Kind.SECTION, "history", new Line.Builder().add("History the replay cannot vouch for", Tone.BOLD)
                    .add("  " + (report.edited().size() + report.missingLocally().size()), Tone.DIM).build(), List.of(),
                    List.of("Applied migrations whose text is not what ran: the replay cannot show what they did.",
                            "They are not in the scripts; look at each one."));
            for (String name : report.edited()) {
                add(history, new Node(Kind.HISTORY, "edited " + name, new Line.Builder().add("~ ", Tone.EDITED).add(name)
                        .add("  edited after apply", Tone.EDITED).build(), List.of(),
                        List.of("migration " + name + " changed after it was applied.",
                                "The history keeps only checksums, so the applied text is unknown;",
                                "the replay used the current file.")));
            }
            for (String name : report.missingLocally()) {
                add(history, new Node(Kind.HISTORY, "missing " + name, new Line.Builder().add("? ", Tone.MISSING).add(name)
                        .add("  missing locally", Tone.MISSING).build(), List.of(),
                        List.of("migration " + name + " is applied to the database but has no folder here,",
                                "so it could not be replayed: its changes show up as drift.")));
            }
            roots.add(history);
        }
        if (!report.unmanaged().isEmpty()) {
            Node section = new Node(Kind.SECTION, "unmanaged", new Line.Builder().add("Not managed by godwit", Tone.BOLD)
                    .add("  " + report.unmanaged().size() + "  (not drift; never dropped)", Tone.DIM).build(), List.of(),
                    List.of("Objects godwit sees but does not manage (triggers, functions, policies, …).",
                            "They are listed for completeness; neither script touches them."));
            for (UnmanagedObject u : report.unmanaged()) {
                List<String> note = new ArrayList<>();
                note.add(u.kind() + " " + u.name());
                note.add("Not drift: godwit never creates, changes or drops it, and neither script mentions it.");
                if (u.detail() != null) {
                    note.add("");
                    note.addAll(u.detail().lines().toList());
                }
                add(section, new Node(Kind.UNMANAGED, "unmanaged " + u.kind() + " " + u.name(),
                        new Line.Builder().add("· ", Tone.DIM).add(u.kind() + " ", Tone.DIM).add(u.name()).build(), List.of(), note));
            }
            roots.add(section);
        }
        for (Node r : roots) {
            setDepth(r, 0, null);
        }
    }

    private static void add(Node parent, Node child) {
        parent.children.add(child);
    }

    private static void setDepth(Node n, int depth, Node parent) {
        n.depth = depth;
        n.parent = parent;
        for (Node c : n.children) {
            setDepth(c, depth + 1, n);
        }
    }

    private static Node object(String key, List<Change> changes) {
        String state = "changed";
        Tone tone = Tone.EDITED;
        String mark = "~";
        Change first = changes.get(0);
        if (first instanceof CreateTable || first instanceof CreateEnum || first instanceof CreateView || first instanceof CreateSequence) {
            state = "added";
            tone = Tone.APPLIED;
            mark = "+";
        } else if (first instanceof DropTable || first instanceof DropEnum || first instanceof DropView || first instanceof DropSequence) {
            state = "removed";
            tone = Tone.FAILED;
            mark = "-";
        }
        java.util.function.Predicate<Change> losesData = dev.godwit.engine.diff.Destructive.in(changes);
        java.util.function.Predicate<Change> revertLosesData = dev.godwit.engine.diff.Destructive.inReverse(changes);
        List<Node> children = new ArrayList<>();
        String parts = "differences"; // what the children are, for the count on the object's line
        for (Change c : changes) {
            if (c instanceof CreateTable t) {
                parts = changes.size() == 1 ? "columns" : parts;
                for (Column col : t.definition().columns()) {
                    children.add(new Node(Kind.CHANGE, key + " column " + col.name(), changeLine("+ column " + ChangeText.column(col)),
                            List.of(c), List.of()));
                }
            } else if (c instanceof DropTable t) {
                parts = changes.size() == 1 ? "columns" : parts;
                for (Column col : t.definition().columns()) {
                    children.add(new Node(Kind.CHANGE, key + " column " + col.name(), changeLine("- column " + ChangeText.column(col)),
                            List.of(c), List.of()));
                }
            } else if (c instanceof CreateEnum e) {
                parts = changes.size() == 1 ? "values" : parts;
                for (String v : e.enumType().values()) {
                    children.add(new Node(Kind.CHANGE, key + " value " + v, changeLine("+ value " + v), List.of(c), List.of()));
                }
            } else if (!(c instanceof DropEnum || c instanceof CreateView || c instanceof DropView
                    || c instanceof CreateSequence || c instanceof DropSequence)) {
                String text = ChangeText.detail(c);
                Node child = new Node(Kind.CHANGE, key + " " + text, changeLine(text), List.of(c), List.of());
                // the columns of a whole table added or dropped are not flagged one by one: its own line is
                child.lossAdopt = losesData.test(c) ? 1 : 0;
                child.lossRevert = revertLosesData.test(c) ? 1 : 0;
                children.add(child);
            }
        }
        // the count is of the lines listed under the object, so that it matches what the tree shows
        int count = children.size();
        Line label = new Line.Builder().add(mark + " ", tone).add(key, Tone.BOLD).add("  " + state, tone)
                .add(count > 1 ? "  " + count + " " + parts : "", Tone.DIM).build();
        Node node = new Node(Kind.OBJECT, key, label, List.copyOf(changes), List.of());
        node.lossAdopt = (int) changes.stream().filter(losesData).count();
        node.lossRevert = (int) changes.stream().filter(revertLosesData).count();
        children.sort(Comparator.comparingInt(n -> order(n.changes.get(0), n.key)));
        children.forEach(ch -> add(node, ch));
        return node;
    }

    /** "7 differences in 4 tables": the schema drift alone, without what may lose data (that depends on the tab). */
    private static String differences(DriftReport r) {
        int n = r.drift().size();
        int t = r.tables().size();
        return n + (n == 1 ? " difference" : " differences") + (t > 0 ? " in " + t + (t == 1 ? " table" : " tables") : "");
    }

    private static int lossesOfRevert(List<Change> changes) {
        return (int) changes.stream().filter(dev.godwit.engine.diff.Destructive.inReverse(changes)).count();
    }

    private static Line changeLine(String text) {
        Tone tone = text.startsWith("+") ? Tone.APPLIED : text.startsWith("-") ? Tone.FAILED : Tone.EDITED;
        return new Line.Builder().add(text.substring(0, 1), tone).add(text.substring(1)).build();
    }

    /** Columns first, then keys and checks, indexes, foreign keys, the rest. */
    private static int order(Change c, String key) {
        if (c instanceof CreateTable || c instanceof DropTable || c instanceof AddColumn || c instanceof DropColumn || c instanceof AlterColumn) {
            return 0;
        }
        if (c instanceof AddPrimaryKey || c instanceof DropPrimaryKey || c instanceof AddCheck || c instanceof DropCheck) {
            return 1;
        }
        if (c instanceof AddIndex || c instanceof DropIndex) {
            return 2;
        }
        if (c instanceof AddForeignKey || c instanceof DropForeignKey) {
            return 3;
        }
        return 4;
    }

    static String objectKey(Change c) {
        if (c.table().isPresent()) return "table " + c.table().get();
        if (c instanceof CreateEnum e) return "enum " + e.enumType().name();
        if (c instanceof DropEnum e) return "enum " + e.enumType().name();
        if (c instanceof AddEnumValue e) return "enum " + e.enumName();
        if (c instanceof RecreateEnum e) return "enum " + e.to().name();
        if (c instanceof CreateView v) return "view " + v.view().name();
        if (c instanceof DropView v) return "view " + v.view().name();
        if (c instanceof CreateSequence s) return "sequence " + s.sequence().name();
        if (c instanceof DropSequence s) return "sequence " + s.sequence().name();
        if (c instanceof AlterSequence s) return "sequence " + s.to().name();
        return c.getClass().getSimpleName();
    }

    private void flatten() {
        List<Node> out = new ArrayList<>();
        for (Node r : roots) {
            flatten(r, out);
        }
        visible = out;
    }

    private void flatten(Node n, List<Node> out) {
        out.add(n);
        if (!collapsed.contains(n.key)) {
            for (Node c : n.children) {
                flatten(c, out);
            }
        }
    }

    // ---- rows and selection ----

    public int size() {
        return visible.size();
    }

    public Node row(int index) {
        return visible.get(index);
    }

    public boolean isOpen(Node n) {
        return n.hasChildren() && !collapsed.contains(n.key);
    }

    /** The row as the tree shows it: indentation, ▾/▸ for nodes with children, the label. */
    public Line rowLine(Node n) {
        Line.Builder b = new Line.Builder().add("  ".repeat(n.depth));
        b.add(n.hasChildren() ? (isOpen(n) ? "▾ " : "▸ ") : "  ", Tone.DIM);
        List<Line.Span> spans = new ArrayList<>(b.build().spans());
        spans.addAll(n.label.spans());
        int losses = losses(n);
        if (losses > 0) {
            spans.add(new Line.Span(n.kind == Kind.ALL ? "  " + losses + " may lose data" : "  may lose data", Tone.DANGER));
        }
        return new Line(spans);
    }

    /** How many of the node's differences may lose data when the script of the open tab runs. */
    public int losses(Node n) {
        return script == Script.ADOPT ? n.lossAdopt : n.lossRevert;
    }

    public int selectedIndex() {
        return selected;
    }

    public Optional<Node> selected() {
        return selected < visible.size() ? Optional.of(visible.get(selected)) : Optional.empty();
    }

    public void moveBy(int delta) {
        select(selected + delta);
    }

    public void home() {
        select(0);
    }

    public void end() {
        select(visible.size() - 1);
    }

    private void select(int index) {
        int next = Math.max(0, Math.min(index, visible.size() - 1));
        if (next != selected) {
            selected = next;
            detailScroll = 0;
        }
    }

    /** The first row to show in a list {@code height} rows high, keeping the selection in view. */
    public int top(int height) {
        if (selected < top) {
            top = selected;
        } else if (selected >= top + height) {
            top = selected - height + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, visible.size() - height)));
        return top;
    }

    /** Enter: opens or closes the selected node. */
    public void toggle() {
        selected().filter(Node::hasChildren).ifPresent(n -> {
            if (!collapsed.remove(n.key)) {
                collapsed.add(n.key);
            }
            flatten();
        });
    }

    /** →: opens the selected node; on an open one, goes to its first child. */
    public void expand() {
        selected().filter(Node::hasChildren).ifPresent(n -> {
            if (collapsed.remove(n.key)) {
                flatten();
            } else {
                moveBy(1);
            }
        });
    }

    /** ←: closes the selected node; on a closed one or a leaf, goes to its parent. */
    public void collapse() {
        selected().ifPresent(n -> {
            if (isOpen(n)) {
                collapsed.add(n.key);
                flatten();
            } else if (n.parent != null) {
                select(visible.indexOf(n.parent));
            }
        });
    }

    /** Closes every node with children, or opens them all when all are closed. */
    public void toggleAll() {
        List<String> keys = new ArrayList<>();
        for (Node r : roots) {
            collect(r, keys);
        }
        String keep = selected().map(n -> {
            Node x = n;
            while (x.parent != null) {
                x = x.parent;
            }
            return x.key;
        }).orElse(null);
        if (collapsed.containsAll(keys)) {
            collapsed.clear();
        } else {
            collapsed.addAll(keys);
        }
        flatten();
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).key.equals(keep)) {
                selected = i;
            }
        }
        selected = Math.min(selected, Math.max(0, visible.size() - 1));
    }

    private static void collect(Node n, List<String> keys) {
        if (n.hasChildren()) {
            keys.add(n.key);
            n.children.forEach(c -> collect(c, keys));
        }
    }

    // ---- scripts and the detail pane ----

    public Script script() {
        return script;
    }

    public void switchScript() {
        script = script == Script.ADOPT ? Script.REVERT : Script.ADOPT;
        detailScroll = 0;
    }

    /** The SQL of the selected node for one of the two scripts; empty for nodes without schema changes. */
    public String script(Node n, Script which) {
        if (n.changes.isEmpty()) {
            return "";
        }
        if (n.kind == Kind.ALL) {
            return which == Script.ADOPT ? report.adoptScript() : report.revertScript();
        }
        if (which == Script.ADOPT) {
            return scriptWriter.apply(n.changes);
        }
        List<Change> back = new ArrayList<>();
        List<String> cannot = new ArrayList<>();
        for (int i = n.changes.size() - 1; i >= 0; i--) {
            Change c = n.changes.get(i);
            Optional<Change> r = c.reverse();
            if (r.isPresent()) {
                back.add(r.get());
            } else {
                cannot.add(ChangeText.detail(c));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String c : cannot) {
            sb.append("-- ").append(c).append(": cannot be undone on its own; the revert script of all differences does it\n");
        }
        if (!back.isEmpty()) {
            if (!cannot.isEmpty()) {
                sb.append('\n');
            }
            sb.append(scriptWriter.apply(back));
        }
        return sb.toString();
    }

    /** What the detail pane shows for the selection, {@code width} columns wide. */
    public List<Line> detail(int width) {
        Node n = selected().orElse(null);
        if (detailCache != null && n == detailFor && script == detailScript && width == detailWidth) {
            return detailCache;
        }
        List<Line> out = new ArrayList<>();
        if (n == null) {
            out.add(Line.of("No drift: the database matches its " + report.replayed().size() + " applied migration(s).", Tone.OK));
        } else if (n.changes.isEmpty()) {
            n.note.forEach(t -> out.addAll(wrap(Line.of(t), width)));
        } else {
            out.add(Line.of(script == Script.ADOPT
                    ? "-- SQL that records this drift as a new migration (w writes all of it):"
                    : "-- SQL that brings the database back to its history:", Tone.COMMENT));
            String sql = script(n, script);
            for (Line l : SqlHighlight.lines(sql.isEmpty() ? "-- (nothing)\n" : sql)) {
                out.addAll(wrap(l, width));
            }
        }
        detailFor = n;
        detailScript = script;
        detailWidth = width;
        detailCache = out;
        return out;
    }

    /** A line in pieces at most {@code width} wide, broken between words; the pieces after the first are indented. */
    static List<Line> wrap(Line line, int width) {
        return width < 20 ? List.of(line) : line.wrap(width, 4);
    }

    public int detailScroll() {
        return detailScroll;
    }

    public void scrollDetail(int delta, int detailLines, int height) {
        detailScroll = Math.max(0, Math.min(detailScroll + delta, Math.max(0, detailLines - height)));
    }
}
