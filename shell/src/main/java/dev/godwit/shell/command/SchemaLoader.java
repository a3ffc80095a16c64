package dev.godwit.shell.command;

import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.LiveSchema;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.migrate.LocalMigration;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.shadow.SqlScripts;
import dev.godwit.shell.session.Session;

import java.nio.file.Path;
import java.util.List;

/** Reads the schema a diff source describes: live databases are inspected, files replayed in a shadow. */
final class SchemaLoader {
    /** A loaded side; {@code provider} is null for {@code empty}, which takes the other side's. */
    record Loaded(Schema schema, Provider provider, String label) {
    }

    private final Session session;

    SchemaLoader(Session session) {
        this.session = session;
    }

    Loaded load(DiffSource source) {
        return switch (source.kind()) {
            case EMPTY -> new Loaded(null, null, "empty schema");
            case DATABASE -> live(session.target(), session.resolvedUrl().url().provider());
            case URL -> live(DatabaseUrl.parse(source.argument()));
            case ENV -> live(session.environmentUrl(source.argument()));
            case MIGRATIONS -> {
                MigrationsFolder folder = source.argument() == null ? session.migrations()
                        : MigrationsFolder.read(Path.of(source.argument()).toAbsolutePath(), null);
                yield replayed(folder.migrations(), folder.migrations().size() + " migration(s) in " + folder.dir());
            }
            case SCHEMA -> {
                Path file = source.argument() == null ? session.project().schemaFile() : Path.of(source.argument()).toAbsolutePath();
                dev.godwit.engine.psl.PslSchema psl = dev.godwit.engine.psl.Psl.parseFile(file);
                yield new Loaded(psl.toSchema(session.target().schema()), psl.provider(), "schema " + file.getFileName());
            }
            case SQL -> {
                List<LocalMigration> scripts = SqlScripts.files(Path.of(source.argument()).toAbsolutePath());
                yield replayed(scripts, "SQL " + source.argument());
            }
        };
    }

    private Loaded live(DatabaseUrl url) {
        return live(Connections.target(url, Connections.direct(url)), url.provider());
    }

    private Loaded live(Target target, Provider provider) {
        return new Loaded(LiveSchema.read(target), provider, "database " + target.display());
    }

    private Loaded replayed(List<LocalMigration> scripts, String label) {
        DatabaseUrl main = session.resolvedUrl().url();
        return new Loaded(SqlScripts.replay(scripts, label, main, session.shadowUrl(),
                session.target().namespaces(), session.out()::note), main.provider(), label);
    }
}
