package dev.godwit.shell.command;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.schema.Schema;
import dev.godwit.shell.session.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Make the database match schema.prisma without writing a migration (Prisma's db push).",
                "Possible data loss asks first (default no); without a terminal it needs --accept-data-loss.",
                "On a production database it asks for the database name; without a terminal it needs --yes."})
public final class PushCommand extends SessionCommand {
    @Option(names = "--schema", paramLabel = "FILE", description = "The desired schema: a .prisma file (default: the project's) or sql:FILE_OR_DIR.")
    String schema;

    @Option(names = "--accept-data-loss", description = "Go ahead despite data-loss warnings.")
    boolean acceptDataLoss;

    @Mixin
    RenameOptions renameOptions = new RenameOptions();

    @Option(names = {"-y", "--yes"}, description = "On a production database without a terminal: push anyway (at a terminal the database name is typed).")
    boolean yes;

    @Option(names = "--reorder-enums", description = "Re-create enum types whose existing values schema.prisma lists in another order (by default the order is left as it is, as Prisma does).")
    boolean reorderEnums;

    @Override
    protected int run(Session session) {
        Confirmation.requireFlagInBatchOnProduction(session, "push", yes, "--yes");
        Target target = session.target();
        Schema desired = PlanSupport.desired(session, schema);
        Schema live = LiveSchema.read(target);
        Renames renames = renameOptions.resolve(session, schema, live, desired, session.interactive());
        Plan plan = PlanSupport.plan(session, live, PlanSupport.target(session, live, desired, schema, renames), renames, reorderEnums);
        if (plan.isEmpty()) {
            session.out().println("The database is already in sync with the schema.");
            return 0;
        }
        PlanSupport.refuseBlocking(plan);
        if (!Confirmation.askOnProduction(session, "push " + plan.changes().size() + " change(s) from the schema without a migration", yes)) {
            session.out().println("Nothing changed.");
            return 3;
        }
        if (!PlanSupport.consent(session, plan, acceptDataLoss, "pushing the schema")) {
            session.out().println("Nothing changed.");
            return 3;
        }
        List<String> statements = target.dialect().ddlWriter().statements(plan.changes());
        // PostgreSQL runs the whole push in one transaction, so a failing step leaves the database as it was
        boolean atomic = inOneTransaction(target, statements);
        int done = 0;
        try (Connection c = target.dataSource().getConnection()) {
            c.setAutoCommit(!atomic);
            target.dialect().prepareSession(c, target.schema());
            try {
                for (String sql : statements) {
                    try (Statement st = c.createStatement()) {
                        st.execute(sql);
                    }
                    done++;
                }
                if (atomic) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (atomic) {
                    c.rollback();
                }
                throw new GodwitException(ErrorKind.RUNTIME, "push failed at statement " + (done + 1) + " of " + statements.size() + ": "
                        + e.getMessage() + "\n  " + statements.get(Math.min(done, statements.size() - 1)),
                        atomic ? "nothing was changed: the push ran in one transaction, which was rolled back"
                                : done + " statement(s) before it took effect (MySQL commits each DDL statement)", e);
            }
        } catch (SQLException e) {
            throw target.dialect().connectionFailure(e, target.display());
        }
        session.out().println("Pushed " + plan.changes().size() + " change(s) to " + target.display() + " in " + statements.size()
                + " statement(s).");
        return 0;
    }

    private static boolean inOneTransaction(Target target, List<String> statements) {
        var dialect = target.dialect();
        // the server's version is not asked here: an ADD VALUE makes the push run statement by statement
        return dialect.transactionalDdl() && dialect.whyNotTransactional(statements.stream()
                .flatMap(sql -> dev.godwit.engine.migrate.sql.SqlSplitter.split(sql, dialect.provider()).stream()).toList(), 0).isEmpty();
    }
}
