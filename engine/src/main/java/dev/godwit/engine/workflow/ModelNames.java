package dev.godwit.engine.workflow;

import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.psl.PslSchema;
import dev.godwit.engine.project.Project;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Model, field and enum names of the desired schema.prisma, turned into the database names
 * they map to ({@code @@map}, {@code @map}), so {@code --rename} may use either. Old names
 * exist only in the database, so only the new side and unrenamed tables can be translated.
 */
final class ModelNames {
    private final Project project;
    private final DesiredSchema desired;
    private PslSchema psl;
    private boolean loaded;

    ModelNames(Project project, DesiredSchema desired) {
        this.project = project;
        this.desired = desired;
    }

    /** The table of model {@code name}, or {@code name} itself. */
    String table(String name) {
        return psl().flatMap(p -> p.tableName(name)).orElse(name);
    }

    /** The column of field {@code name} in the model that maps to {@code table}, or {@code name} itself. */
    String column(String table, String name) {
        return psl().flatMap(p -> p.modelOf(table).flatMap(m -> p.columnName(m, name))).orElse(name);
    }

    String enumType(String name) {
        return psl().flatMap(p -> p.enumName(name)).orElse(name);
    }

    /** Parsed on first use only: most renames name database objects and need no second parse. */
    private Optional<PslSchema> psl() {
        if (!loaded) {
            loaded = true;
            if (desired.isSchemaLanguage()) {
                Path file = desired.file() != null ? desired.file() : project.schemaFile();
                psl = Psl.parseFile(file);
            }
        }
        return Optional.ofNullable(psl);
    }
}
