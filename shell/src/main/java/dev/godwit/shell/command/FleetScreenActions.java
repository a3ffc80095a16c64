package dev.godwit.shell.command;

import com.googlecode.lanterna.screen.Screen;
import dev.godwit.engine.fleet.FleetDrift;
import dev.godwit.engine.fleet.FleetGrid;
import dev.godwit.engine.fleet.FleetGuards;
import dev.godwit.engine.fleet.FleetRunner;
import dev.godwit.engine.fleet.FleetTarget;
import dev.godwit.engine.fleet.TargetOutcome;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.shell.session.GlobalOptions;
import dev.godwit.shell.session.Session;
import dev.godwit.shell.tui.FleetModel;
import dev.godwit.shell.tui.FleetScreen;
import dev.godwit.shell.tui.TimelineScreen;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The fleet screen's actions on a session's fleet: read, apply on one target, drift, a target's timeline. */
final class FleetScreenActions implements FleetScreen.Actions {
    private final Session session;
    private final FleetRun.Setup setup;
    private final int parallel;
    private final FleetGrid grid;
    private final Map<String, String> production;

    FleetScreenActions(Session session, FleetRun.Setup setup, int parallel) {
        this.session = session;
        this.setup = setup;
        this.parallel = parallel;
        this.grid = new FleetGrid(setup.folder(), setup.routes());
        this.production = FleetGuards.production(session.project(), setup.targets(), session.processEnv());
    }

    /** The model as it opens: every target read. */
    FleetModel firstModel() {
        return new FleetModel(setup.folder().migrations(), reload());
    }

    @Override
    public List<FleetGrid.Row> reload() {
        return grid.read(setup.targets(), parallel);
    }

    @Override
    public FleetGrid.Row reload(FleetTarget target) {
        return grid.read(target);
    }

    @Override
    public TargetOutcome apply(FleetTarget target) {
        FleetRunner.Options o = new FleetRunner.Options(1, 0, 1, Migrator.DEFAULT_LOCK_TIMEOUT);
        return new FleetRunner(setup.folder(), setup.routes()).apply(List.of(target), o, null, FleetRunner.Listener.NONE).get(0);
    }

    @Override
    public List<FleetDrift.Result> drift() {
        return new FleetDrift(setup.folder(), setup.routes(), session.shadowUrl()).run(setup.targets(), parallel);
    }

    @Override
    public void timeline(FleetTarget target, Screen screen) throws IOException {
        GlobalOptions local = new GlobalOptions().withTarget(null, null, target.url().unmasked());
        try (Session one = session.forCommand(local)) {
            TimelineScreen.create(one, screen).run();
        }
    }

    @Override
    public boolean production(FleetTarget target) {
        return production.containsKey(target.name());
    }
}
