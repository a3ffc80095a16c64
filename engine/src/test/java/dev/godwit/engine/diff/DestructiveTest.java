package dev.godwit.engine.diff;

import dev.godwit.engine.schema.Column;
import dev.godwit.engine.schema.ColumnType;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import dev.godwit.engine.schema.PrimaryKey;
import dev.godwit.engine.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DestructiveTest {
    @Test
    void aUniqueIndexLosesNothingOnATableCreatedAlongsideIt() {
        Table t = new Table("Tag", List.of(Column.of("name", ColumnType.of("text"), false)), new PrimaryKey("Tag_pkey", List.of("name")),
                List.of(), List.of(), List.of(), null, Map.of());
        Index unique = Index.of("Tag_name_key", true, List.of(IndexPart.column("name")));
        Change onNew = new Change.AddIndex("Tag", unique);
        Change onOld = new Change.AddIndex("Post", Index.of("Post_slug_key", true, List.of(IndexPart.column("slug"))));
        Predicate<Change> losesData = Destructive.in(List.of(new Change.CreateTable(t), onNew, onOld));
        assertFalse(losesData.test(onNew));
        assertTrue(losesData.test(onOld), "an existing table may hold duplicates");
        assertTrue(Destructive.in(List.of(onNew)).test(onNew), "without the CreateTable the table may exist with rows");
    }
}
