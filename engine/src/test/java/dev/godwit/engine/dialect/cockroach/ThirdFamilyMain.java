package dev.godwit.engine.dialect.cockroach;

import dev.godwit.engine.Provider;
import dev.godwit.engine.db.Connections;
import dev.godwit.engine.db.Target;
import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.migrate.ApplyListener;
import dev.godwit.engine.migrate.ApplyResult;
import dev.godwit.engine.migrate.MigrationsFolder;
import dev.godwit.engine.migrate.Migrator;
import dev.godwit.engine.project.DatabaseUrl;
import dev.godwit.engine.psl.Psl;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run by {@code ThirdFamilyTest} in a JVM whose class path has this package's services: reads a cockroachdb://
 * URL, a schema and a migrations folder of the third family, and applies the migrations. Prints what it found.
 */
public final class ThirdFamilyMain {
    private ThirdFamilyMain() {
    }

    public static void main(String[] args) {
        DatabaseUrl url = DatabaseUrl.parse(args[0]);
        Provider provider = url.provider();
        System.out.println("provider " + provider + " from " + url.scheme());
        System.out.println("jdbc " + url.jdbcUrl().substring(0, url.jdbcUrl().indexOf("://") + 3));
        System.out.println("families " + Provider.values());
        System.out.println("schema tables " + Psl.parse("schema.prisma",
                "datasource db {\n  provider = \"cockroachdb\"\n}\nmodel Note {\n  id Int @id\n  body String\n}\n").toSchema().tables().size());
        Dialect dialect = Dialect.of(provider);
        System.out.println("dialect " + dialect.getClass().getSimpleName());
        Target target = Connections.target(url, Connections.direct(url));
        ApplyResult result = new Migrator(target).apply(MigrationsFolder.read(Path.of(args[1]), provider), Duration.ofSeconds(10), false,
                ApplyListener.NONE);
        System.out.println("applied " + result.applied().size());
    }
}
