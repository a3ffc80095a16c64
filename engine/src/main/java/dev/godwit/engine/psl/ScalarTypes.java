package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.ColumnType;

import java.util.Map;

/** The column type each scalar type gets without a {@code @db.*} attribute, as Prisma 7 maps it ({@link ModelRules#scalarTypes}). */
final class ScalarTypes {
    private ScalarTypes() {
    }

    static Map<String, ColumnType> of(Provider provider) {
        return ModelRules.of(provider).scalarTypes();
    }
}
