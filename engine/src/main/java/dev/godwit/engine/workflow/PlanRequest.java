package dev.godwit.engine.workflow;

import java.util.List;

/**
 * What to plan.
 *
 * @param desired      the schema to reach
 * @param renames      renames known in advance, {@code Old=New} (tables, PostgreSQL enums) or {@code Table.old=new}
 *                     (columns), old names as the database has them, new ones as the database or the schema names them;
 *                     other likely renames are asked through {@link Consent} when someone can answer
 * @param reorderEnums re-create enum types whose values the schema lists in another order (Prisma leaves the order)
 */
public record PlanRequest(DesiredSchema desired, List<String> renames, boolean reorderEnums) {
    public PlanRequest {
        renames = List.copyOf(renames);
    }

    /** The project's schema.prisma, no renames given, enum order left as it is. */
    public static PlanRequest ofProject() {
        return new PlanRequest(DesiredSchema.projectSchema(), List.of(), false);
    }
}
