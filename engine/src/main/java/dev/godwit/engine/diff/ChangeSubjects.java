package dev.godwit.engine.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a change is about, for telling a failed migration's leftovers from other drift, and what undoing it
 * would cost. A change belongs to the migration when the migration's SQL names its table (or enum, view,
 * sequence, index): the statements that took effect are the only ones that can have made it.
 */
public final class ChangeSubjects {
    private ChangeSubjects() {
    }

    /** The names a change is about: its table, and the enum, view, sequence or index it creates or drops. */
    public static List<String> names(Change c) {
        List<String> out = new ArrayList<>();
        c.table().ifPresent(out::add);
        if (c instanceof Change.AddIndex a) {
            out.add(a.index().name());
        } else if (c instanceof Change.DropIndex d) {
            out.add(d.index().name());
        } else if (c instanceof Change.CreateEnum e) {
            out.add(e.enumType().name());
        } else if (c instanceof Change.DropEnum e) {
            out.add(e.enumType().name());
        } else if (c instanceof Change.AddEnumValue e) {
            out.add(e.enumName());
        } else if (c instanceof Change.RecreateEnum e) {
            out.add(e.from().name());
        } else if (c instanceof Change.CreateView v) {
            out.add(v.view().name());
        } else if (c instanceof Change.DropView v) {
            out.add(v.view().name());
        } else if (c instanceof Change.CreateSequence s) {
            out.add(s.sequence().name());
        } else if (c instanceof Change.DropSequence s) {
            out.add(s.sequence().name());
        } else if (c instanceof Change.AlterSequence s) {
            out.add(s.from().name());
        }
        return out;
    }

    /** Whether {@code sql} names one of the change's subjects as an identifier (quoted or not). */
    public static boolean namedIn(Change c, String sql) {
        for (String name : names(c)) {
            Pattern p = Pattern.compile("(?<![A-Za-z0-9_$])[\"`]?" + Pattern.quote(name) + "[\"`]?(?![A-Za-z0-9_$])",
                    Pattern.CASE_INSENSITIVE);
            if (p.matcher(sql).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why undoing this change cannot give back what was there before the migration, if so. The change goes
     * from the live database to the history, so a table it creates is one the migration dropped.
     */
    public static Optional<String> cannotRestore(Change c) {
        if (c instanceof Change.CreateTable t) {
            return Optional.of("the migration dropped the table " + t.definition().name()
                    + ": creating it again would leave it empty, its rows are gone (restore them from a backup)");
        }
        if (c instanceof Change.AddColumn a) {
            return Optional.of("the migration dropped the column " + a.tableName() + "." + a.column().name()
                    + ": adding it again cannot bring its values back (restore them from a backup)");
        }
        if (c instanceof Change.AlterColumn a && a.aspects().contains(Change.Aspect.TYPE)) {
            return Optional.of("the migration changed the type of " + a.tableName() + "." + a.to().name()
                    + ": casting the values back may not give the values it held before");
        }
        if (c instanceof Change.CreateSequence s) {
            return Optional.of("the migration dropped the sequence " + s.sequence().name() + ": its current value is gone");
        }
        return Optional.empty();
    }
}
