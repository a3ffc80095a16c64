package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.diff.DiffHooks;
import dev.godwit.engine.diff.RenameCandidates;
import dev.godwit.engine.diff.RenameCandidates.Candidate;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.diff.Renames.Kind;
import dev.godwit.engine.diff.Renames.Rename;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The renames a plan keeps data through: those given in advance, and each likely rename the differ sees
 * that someone confirms (default no: drop and add). When nobody can answer, a warning names the
 * {@code --rename} that would keep the data.
 */
final class RenameChoice {
    static final String HINT = "write --rename Table=NewTable for a table, --rename Table.column=newColumn for a column "
            + "(old names as the database has them)";

    private RenameChoice() {
    }

    /**
     * The renames to plan with: every {@code --rename}, plus, when someone can answer, each likely
     * rename the user confirms. {@code from} is the schema the plan starts from.
     */
    static Renames resolve(List<String> renames, ModelNames names, Schema from, Schema desired, DiffHooks hooks,
                           Consent consent, Listener listener) {
        Renames chosen = Renames.none();
        // Tables first, so that a column may be named by its table's old or new name, in any order.
        for (String text : renames) {
            if (!text.contains(".") && from.table(text.split("=", 2)[0].strip()).isPresent()) {
                chosen = chosen.with(parse(text, chosen, from, desired, names));
            }
        }
        for (String text : renames) {
            if (text.contains(".") || from.table(text.split("=", 2)[0].strip()).isEmpty()) {
                chosen = chosen.with(parse(text, chosen, from, desired, names));
            }
        }
        try {
            chosen.check(from, desired);
        } catch (GodwitException e) {
            throw new GodwitException(ErrorKind.USAGE, e.getMessage(), HINT);
        }
        Set<Rename> answered = new HashSet<>();
        // A rename the user accepts can reveal another (an enum renamed makes its tables match): look again until nothing new.
        boolean accepted = true;
        while (accepted) {
            accepted = false;
            for (Candidate c : RenameCandidates.find(chosen.applyTo(from), desired, hooks)) {
                Rename r = c.rename();
                if (!answered.add(r)) {
                    continue;
                }
                if (c.ambiguous()) {
                    listener.note(label(r, chosen) + " could be a rename, but so could others: add --rename "
                            + option(r, chosen) + " if it is one");
                } else if (consent.canAsk()) {
                    if (consent.confirm("Was " + question(r, chosen) + "?")) {
                        chosen = chosen.with(r);
                        accepted = true;
                    }
                } else {
                    // an enum dropped and created again is cast through text and keeps its values: renaming only keeps the type
                    String keeps = r.kind() == Kind.ENUM ? " to rename the type instead of creating a new one" : " to keep its data";
                    listener.warn(label(r, chosen) + " looks like a rename: add --rename " + option(r, chosen) + keeps);
                }
            }
        }
        return chosen;
    }

    /** "`Post.title` → `Post.heading`", with the table's old name on the left. */
    private static String label(Rename r, Renames chosen) {
        return r.kind() == Kind.COLUMN
                ? "`" + chosen.originalTable(r.table()) + "." + r.from() + "` → `" + r.table() + "." + r.to() + "`"
                : "`" + r.from() + "` → `" + r.to() + "`";
    }

    private static String question(Rename r, Renames chosen) {
        return switch (r.kind()) {
            case COLUMN -> "column `" + chosen.originalTable(r.table()) + "." + r.from() + "` renamed to `" + r.table() + "." + r.to() + "`";
            case TABLE -> "table `" + r.from() + "` renamed to `" + r.to() + "`";
            case ENUM -> "enum `" + r.from() + "` renamed to `" + r.to() + "`";
        };
    }

    private static String option(Rename r, Renames chosen) {
        return r.kind() == Kind.COLUMN ? chosen.originalTable(r.table()) + "." + r.from() + "=" + r.to() : r.from() + "=" + r.to();
    }

    /**
     * {@code Table.old=new} (or {@code Table.old=Table.new}): a column; {@code Old=New}: a table,
     * else an enum, else the one column of that name that could become {@code New}.
     */
    static Rename parse(String text, Renames earlier, Schema from, Schema desired, ModelNames names) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new GodwitException(ErrorKind.USAGE, "--rename " + text + ": expected OLD=NEW", HINT);
        }
        String old = text.substring(0, eq).strip();
        String to = text.substring(eq + 1).strip();
        int dot = old.indexOf('.');
        if (dot > 0) {
            String given = old.substring(0, dot);
            String table = from.table(given).isPresent() || desired.table(given).isPresent() ? given : names.table(given);
            String column = old.substring(dot + 1);
            if (to.contains(".")) {
                to = to.substring(to.indexOf('.') + 1);
            }
            String newTable = earlier.of(Kind.TABLE).stream().filter(r -> r.from().equals(table)).map(Rename::to).findFirst().orElse(table);
            return Rename.column(newTable, column, columnIn(desired, newTable, to, names));
        }
        if (from.table(old).isPresent()) {
            return Rename.table(old, desired.table(to).isPresent() ? to : names.table(to));
        }
        if (from.enumType(old).isPresent()) {
            return Rename.enumType(old, desired.enumType(to).isPresent() ? to : names.enumType(to));
        }
        String field = to;
        List<Table> withColumn = desired.tables().stream().filter(t -> t.column(columnIn(desired, t.name(), field, names)).isPresent()
                && from.table(earlier.originalTable(t.name())).flatMap(f -> f.column(old)).isPresent()).toList();
        if (withColumn.size() == 1) {
            return Rename.column(withColumn.get(0).name(), old, columnIn(desired, withColumn.get(0).name(), to, names));
        }
        if (withColumn.isEmpty()) {
            throw new GodwitException(ErrorKind.USAGE, "--rename " + text + ": found no table, enum or column `" + old + "` that could become `"
                    + to + "`", HINT);
        }
        throw new GodwitException(ErrorKind.USAGE, "--rename " + text + ": several tables have a column `" + old + "` ("
                + String.join(", ", withColumn.stream().map(Table::name).toList()) + "): say which, e.g. --rename "
                + earlier.originalTable(withColumn.get(0).name()) + "." + old + "=" + to, HINT);
    }

    /** {@code name} when the desired table has that column, else the column its field {@code name} maps to. */
    private static String columnIn(Schema desired, String table, String name, ModelNames names) {
        boolean there = desired.table(table).flatMap(t -> t.column(name)).isPresent();
        return there ? name : names.column(table, name);
    }
}
