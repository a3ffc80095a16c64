package dev.godwit.engine.workflow;

import dev.godwit.engine.ErrorKind;
import dev.godwit.engine.GodwitException;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.diff.Renames;
import dev.godwit.engine.migrate.sql.SqlSplitter;
import dev.godwit.engine.plan.Finding;
import dev.godwit.engine.plan.Plan;
import dev.godwit.engine.schema.Schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Prisma's {@code db push}: the database made to match the desired schema without a migration. In two
 * calls, so that a front end may put its own guard (a production database) between them: {@link #plan},
 * then {@link #push} of the plan.
 */
public final class PushWorkflow {
    private final Workspace workspace;
    private final Listener listener;
    private final Planning planning;

    public PushWorkflow(Workspace workspace, Listener listener, Consent consent) {
        this.workspace = workspace;
        this.listener = listener;
        this.planning = new Planning(workspace, listener, consent);
    }

    /** The changes from the live database to the desired schema: none, blocked by the data there, or ready to push. */
    public PlanOutcome plan(PlanRequest request) {
        Target target = workspace.target();
        Schema desired = planning.desired(request.desired(), null);
        Schema live = LiveSchema.read(target);
        Renames renames = planning.renames(request, live, desired);
        Plan plan = planning.build(live, planning.target(live, desired, request.desired(), renames), renames, request.reorderEnums());
        if (plan.isEmpty()) {
            return new PlanOutcome.NoChanges(0, null);
        }
        List<Finding> blocking = plan.blocking();
        return blocking.isEmpty() ? new PlanOutcome.Ready(plan, Optional.empty()) : new PlanOutcome.Blocked(List.of(), blocking);
    }

    /** Runs a plan of {@link #plan} once data loss is consented to ({@code acceptDataLoss} in advance, or asked). */
    public PlanOutcome push(Plan plan, boolean acceptDataLoss) {
        Optional<PlanOutcome.NeedsConsent> refused = planning.consentToLoss(plan, acceptDataLoss, "pushing the schema");
        if (refused.isPresent()) {
            return refused.get();
        }
        Target target = workspace.target();
        List<String> statements = plan.statements().stream().flatMap(s -> s.sql().stream()).toList();
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
        listener.step("Pushed " + plan.changes().size() + " change(s) to " + target.display() + " in " + statements.size()
                + " statement(s).");
        return new PlanOutcome.Ready(plan, Optional.empty());
    }

    private static boolean inOneTransaction(Target target, List<String> statements) {
        var dialect = target.dialect();
        // the server's version is not asked here: an ADD VALUE makes the push run statement by statement
        return dialect.transactionalDdl() && dialect.whyNotTransactional(statements.stream()
                .flatMap(sql -> SqlSplitter.split(sql, dialect.provider()).stream()).toList(), 0).isEmpty();
    }
}
