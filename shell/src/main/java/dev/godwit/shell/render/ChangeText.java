package dev.godwit.shell.render;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.diff.Change.*;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changes as a readable summary, grouped by the object they belong to: one heading per table
 * (added, removed or changed), then one line per detail, {@code +} added, {@code -} removed,
 * {@code ~} changed. Used by both {@code diff} and {@code drift}.
 */
public final class ChangeText {
    private ChangeText() {
    }

    /** The changes, an object flagged "[may lose data]" when applying one of its changes may. */
    public static List<String> lines(List<Change> changes) {
        return lines(changes, Map.of("", dev.godwit.engine.diff.Destructive.in(changes)));
    }

    /**
     * The changes, an object flagged for each script that may lose data on it, as in "[may lose data: revert, adopt]".
     *
     * @param losses per script name, which changes may lose data when that script runs
     */
    public static List<String> lines(List<Change> changes, Map<String, java.util.function.Predicate<Change>> losses) {
        Map<String, Group> groups = new LinkedHashMap<>();
        ReplacedObjects replaced = new ReplacedObjects(changes);
        for (Change c : changes) {
            String key = key(c);
            Group g = groups.computeIfAbsent(key, k -> new Group());
            if (c instanceof CreateTable t) {
                g.state = "added";
                g.details.add("columns: " + t.definition().columns().stream().map(ChangeText::column).collect(Collectors.joining(", ")));
            } else if (c instanceof DropTable t) {
                g.state = "removed";
                g.details.add("had " + t.definition().columns().size() + " column(s)");
            } else if (c instanceof CreateEnum e) {
                g.state = "added";
                g.details.add("values: " + String.join(", ", e.enumType().values()));
            } else if (c instanceof DropEnum) {
                g.state = "removed";
            } else if (c instanceof CreateView || c instanceof CreateSequence) {
                g.state = "added";
            } else if (c instanceof DropView || c instanceof DropSequence) {
                g.state = "removed";
            } else if (replaced.line(c) != null) {
                g.details.add(replaced.line(c));
            } else if (!replaced.isSecondHalf(c)) {
                g.details.add(detail(c));
            }
            losses.forEach((script, losesData) -> {
                if (losesData.test(c)) {
                    g.losses.add(script);
                }
            });
        }
        List<String> out = new ArrayList<>();
        groups.forEach((key, g) -> {
            out.add(key + " (" + g.state + ")" + lossMark(g.losses, losses.keySet()));
            g.details.forEach(d -> out.add("  " + d));
        });
        return out;
    }

    /** "  [may lose data]" for the one script, "  [may lose data: revert]" when there are several; in their order. */
    private static String lossMark(java.util.Set<String> flagged, java.util.Set<String> scripts) {
        if (flagged.isEmpty()) {
            return "";
        }
        if (scripts.size() == 1) {
            return "  [may lose data]";
        }
        return "  [may lose data: " + scripts.stream().filter(flagged::contains).collect(Collectors.joining(", ")) + "]";
    }

    /** "3 differences in 2 tables, 1 may lose data". */
    public static String summary(List<Change> changes) {
        if (changes.isEmpty()) {
            return "no differences";
        }
        long tables = changes.stream().map(Change::table).flatMap(java.util.Optional::stream).distinct().count();
        long destructive = changes.stream().filter(dev.godwit.engine.diff.Destructive.in(changes)).count();
        return changes.size() + (changes.size() == 1 ? " difference" : " differences")
                + (tables > 0 ? " in " + tables + (tables == 1 ? " table" : " tables") : "")
                + (destructive > 0 ? ", " + destructive + " may lose data" : "");
    }

    private static String key(Change c) {
        if (c.table().isPresent()) {
            return "table \"" + c.table().get() + "\"";
        }
        if (c instanceof CreateEnum e) return "enum \"" + e.enumType().name() + "\"";
        if (c instanceof DropEnum e) return "enum \"" + e.enumType().name() + "\"";
        if (c instanceof AddEnumValue e) return "enum \"" + e.enumName() + "\"";
        if (c instanceof RecreateEnum e) return "enum \"" + e.to().name() + "\"";
        if (c instanceof CreateView v) return "view \"" + v.view().name() + "\"";
        if (c instanceof DropView v) return "view \"" + v.view().name() + "\"";
        if (c instanceof CreateSequence s) return "sequence \"" + s.sequence().name() + "\"";
        if (c instanceof DropSequence s) return "sequence \"" + s.sequence().name() + "\"";
        if (c instanceof AlterSequence s) return "sequence \"" + s.to().name() + "\"";
        if (c instanceof RenameEnum e) return "enum \"" + e.to() + "\"";
        return c.getClass().getSimpleName();
    }

    /** One change as one line: "+ column …", "- index …", "~ column …: type … → …". */
    public static String detail(Change c) {
        if (c instanceof AddColumn a) return "+ column " + column(a.column());
        if (c instanceof DropColumn d) return "- column " + column(d.column());
        if (c instanceof AlterColumn a) return "~ column " + a.to().name() + ": " + alteration(a);
        if (c instanceof AddPrimaryKey p) return "+ primary key (" + String.join(", ", p.primaryKey().columns()) + ")";
        if (c instanceof DropPrimaryKey p) return "- primary key (" + String.join(", ", p.primaryKey().columns()) + ")";
        if (c instanceof AddCheck k) return "+ check " + k.check().name() + ": " + k.check().expression();
        if (c instanceof DropCheck k) return "- check " + k.check().name() + ": " + k.check().expression();
        if (c instanceof SetTableComment s) return "~ comment: " + s.from() + " → " + s.to();
        if (c instanceof AddIndex i) return "+ " + index(i.index());
        if (c instanceof DropIndex i) return "- " + index(i.index());
        if (c instanceof AddForeignKey f) return "+ " + foreignKey(f.foreignKey());
        if (c instanceof DropForeignKey f) return "- " + foreignKey(f.foreignKey());
        if (c instanceof AddEnumValue e) return "+ value " + e.value();
        if (c instanceof RecreateEnum e) return "~ values: " + String.join(", ", e.from().values()) + " → " + String.join(", ", e.to().values());
        if (c instanceof AlterSequence s) return "~ " + s.from() + " → " + s.to();
        if (c instanceof RenameTable r) return "~ renamed from " + r.definition().name();
        if (c instanceof RenameColumn r) return "~ column " + r.column().name() + " renamed to " + r.to();
        if (c instanceof RenameIndex r) return "~ index " + r.from() + " renamed to " + r.to();
        if (c instanceof RenamePrimaryKey r) return "~ primary key " + r.from() + " renamed to " + r.to();
        if (c instanceof RenameForeignKey r) return "~ foreign key " + r.foreignKey().name() + " renamed to " + r.to();
        if (c instanceof RenameEnum r) return "~ renamed from " + r.from();
        return c.toString();
    }

    private static String alteration(AlterColumn a) {
        List<String> parts = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            if (!a.aspects().contains(aspect)) {
                continue;
            }
            parts.add(switch (aspect) {
                case TYPE -> "type " + type(a.from().type()) + " → " + type(a.to().type());
                case NULLABILITY -> a.to().nullable() ? "now nullable" : "now NOT NULL";
                case DEFAULT -> "default " + a.from().defaultValue() + " → " + a.to().defaultValue();
                case IDENTITY -> "identity " + a.from().identity() + " → " + a.to().identity();
                case COLLATION -> "collation " + a.from().collation() + " → " + a.to().collation();
                case COMMENT -> "comment " + a.from().comment() + " → " + a.to().comment();
            });
        }
        return String.join(", ", parts);
    }

    public static String column(Column c) {
        String typeText = type(c.type());
        if (c.identity() == dev.godwit.engine.schema.Identity.SERIAL) {
            typeText = switch (c.type().name()) {
                case "bigint" -> "bigserial";
                case "smallint" -> "smallserial";
                default -> "serial";
            };
        }
        String numbering = switch (c.identity()) {
            case NONE, SERIAL -> "";
            case IDENTITY_ALWAYS -> " GENERATED ALWAYS AS IDENTITY";
            case IDENTITY_BY_DEFAULT -> " GENERATED BY DEFAULT AS IDENTITY";
            case AUTO_INCREMENT -> " AUTO_INCREMENT";
        };
        return c.name() + " " + typeText + numbering + (c.nullable() ? "" : " NOT NULL")
                + (c.defaultValue() != null ? " DEFAULT " + c.defaultValue() : "");
    }

    static String type(ColumnType t) {
        StringBuilder sb = new StringBuilder(t.name());
        if (!t.enumValues().isEmpty()) {
            sb.append(t.enumValues().stream().map(v -> "'" + v + "'").collect(Collectors.joining(",", "(", ")")));
        } else if (t.length() != null) {
            sb.append('(').append(t.length()).append(')');
        } else if (t.precision() != null) {
            sb.append('(').append(t.precision()).append(t.scale() != null ? "," + t.scale() : "").append(')');
        }
        if (t.unsigned()) {
            sb.append(" unsigned");
        }
        sb.append("[]".repeat(t.arrayDims()));
        return sb.toString();
    }

    private static String index(Index i) {
        String parts = i.parts().stream().map(ChangeText::part).collect(Collectors.joining(", "));
        return (i.unique() ? "unique index " : "index ") + i.name() + " (" + parts + ")"
                + (i.predicate() != null ? " WHERE " + i.predicate() : "");
    }

    private static String part(IndexPart p) {
        return (p.isExpression() ? p.expression() : p.column()) + (p.descending() ? " DESC" : "");
    }

    private static String foreignKey(ForeignKey f) {
        return "foreign key " + f.name() + " (" + String.join(", ", f.columns()) + ") → " + f.refTable()
                + " (" + String.join(", ", f.refColumns()) + ")";
    }

    private static final class Group {
        String state = "changed";
        final List<String> details = new ArrayList<>();
        final java.util.Set<String> losses = new java.util.HashSet<>();
    }
}
