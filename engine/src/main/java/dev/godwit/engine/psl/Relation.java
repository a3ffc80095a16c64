package dev.godwit.engine.psl;

import dev.godwit.engine.psl.ast.Attribute;
import dev.godwit.engine.psl.ast.Block;
import dev.godwit.engine.psl.ast.Field;

import java.util.List;
import java.util.Optional;

/**
 * A resolved relation between two models. For one-to-one and one-to-many, {@code model}/{@code field}
 * is the side that holds the foreign key ({@code fields}/{@code references}) and {@code other}/{@code back}
 * the referenced side. For an implicit many-to-many, {@code model} is the "A" side (the model whose name
 * sorts first) and {@code other} the "B" side.
 */
record Relation(Kind kind, String name, Block.Model model, Field field, Block.Model other, Field back) {
    enum Kind { ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    Optional<Attribute> attribute() {
        return field.attribute("relation");
    }

    List<String> fields() {
        return attribute().flatMap(a -> a.named("fields")).map(a -> Catalog.fieldNames(a.value())).orElse(List.of());
    }

    List<String> references() {
        return attribute().flatMap(a -> a.named("references")).map(a -> Catalog.fieldNames(a.value())).orElse(List.of());
    }

    /** The implicit join table's name: {@code _<name>} or {@code _<A>To<B>}. */
    String joinTable() {
        return "_" + (name != null ? name : model.name() + "To" + other.name());
    }
}
