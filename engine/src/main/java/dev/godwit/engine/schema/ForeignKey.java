package dev.godwit.engine.schema;

import java.util.List;

/**
 * A foreign key. {@code deferrable}: NOT, IMMEDIATE (deferrable initially immediate) or DEFERRED.
 */
public record ForeignKey(String name, List<String> columns, String refTable, List<String> refColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate, Deferrable deferrable) {
    public enum Deferrable { NOT, IMMEDIATE, DEFERRED }

    public ForeignKey {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}
