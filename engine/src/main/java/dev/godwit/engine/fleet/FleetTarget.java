package dev.godwit.engine.fleet;

import dev.godwit.engine.project.DatabaseUrl;

/** One database (or one schema of a database) of a fleet, under the name it is shown and recorded by. */
public record FleetTarget(String name, DatabaseUrl url) {
}
