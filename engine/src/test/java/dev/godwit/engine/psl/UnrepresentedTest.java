package dev.godwit.engine.psl;

import dev.godwit.engine.Provider;
import dev.godwit.engine.schema.CheckConstraint;
import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import dev.godwit.engine.schema.View;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a schema file cannot say: which indexes, and what planning from a schema file keeps. */
class UnrepresentedTest {
    private static final Index PLAIN = Index.of("T_a_idx", false, List.of(IndexPart.column("a")));
    private static final Index EXPRESSION = Index.of("T_lower_idx", false, List.of(new IndexPart(null, "lower(a)", false, null, null, null)));
    private static final Index PARTIAL = new Index("T_live_idx", false, List.of(IndexPart.column("a")), "btree", "NOT deleted", List.of(), false);

    private static Table table(List<Index> indexes, List<CheckConstraint> checks) {
        return new Table("T", List.of(Column.of("id", ColumnType.of("integer"), false), Column.of("a", ColumnType.of("text"), true)),
                new PrimaryKey("T_pkey", List.of("id")), indexes, List.of(), checks, null, Map.of());
    }

    private static Schema schema(List<Table> tables, List<View> views) {
        return new Schema("public", tables, List.of(), List.of(), views, List.of());
    }

    @Test
    void indexesTheSchemaLanguageCannotSay() {
        assertNull(Unrepresented.whyNot(PLAIN, Provider.POSTGRESQL));
        assertEquals("expression index", Unrepresented.whyNot(EXPRESSION, Provider.POSTGRESQL));
        assertEquals("partial index (WHERE NOT deleted)", Unrepresented.whyNot(PARTIAL, Provider.POSTGRESQL));
        Index gin = new Index("T_a_gin", false, List.of(IndexPart.column("a")), "gin", null, List.of(), false);
        assertNull(Unrepresented.whyNot(gin, Provider.POSTGRESQL));
        Index spatial = new Index("T_a_sp", false, List.of(IndexPart.column("a")), "spatial", null, List.of(), false);
        assertEquals("index method spatial", Unrepresented.whyNot(spatial, Provider.MYSQL));
        Index ops = Index.of("T_a_ops", false, List.of(new IndexPart("a", null, false, null, "text_pattern_ops", null)));
        assertNull(Unrepresented.whyNot(ops, Provider.POSTGRESQL), "operator classes are written as ops:");
    }

    @Test
    void keepAddsWhatTheFileCannotSayToTheTablesItKeeps() {
        CheckConstraint check = new CheckConstraint("a_not_empty", "a <> ''");
        View view = new View("v", "SELECT 1", false);
        Schema current = schema(List.of(table(List.of(PLAIN, EXPRESSION, PARTIAL), List.of(check))), List.of(view));
        Schema desired = schema(List.of(table(List.of(), List.of())), List.of());
        Schema kept = Unrepresented.keep(current, desired, Provider.POSTGRESQL);
        Table t = kept.table("T").orElseThrow();
        assertEquals(List.of("T_live_idx", "T_lower_idx"), t.indexes().stream().map(Index::name).toList(), "the plain index the file left out goes");
        assertEquals(List.of(check), t.checks());
        assertEquals(List.of(view), kept.views());
    }

    @Test
    void theFileWinsByNameAndADroppedModelTakesItsIndexesAlong() {
        Index sameName = Index.of("T_lower_idx", false, List.of(IndexPart.column("a")));
        Schema current = schema(List.of(table(List.of(EXPRESSION), List.of())), List.of());
        Table kept = Unrepresented.keep(current, schema(List.of(table(List.of(sameName), List.of())), List.of()), Provider.POSTGRESQL)
                .table("T").orElseThrow();
        assertEquals(List.of(sameName), kept.indexes());
        assertTrue(Unrepresented.keep(current, schema(List.of(), List.of()), Provider.POSTGRESQL).tables().isEmpty());
    }
}
