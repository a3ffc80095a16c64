package dev.godwit.shell.render;

import dev.godwit.engine.diff.Change;
import dev.godwit.engine.schema.Index;
import dev.godwit.engine.schema.IndexPart;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dropped-and-added index reads as one line that says what differs, in words where one side has nothing. */
class ReplacedObjectsTest {

    private static String line(Index before, Index after) {
        Change drop = new Change.DropIndex("T", before);
        Change add = new Change.AddIndex("T", after);
        ReplacedObjects r = new ReplacedObjects(List.of(drop, add));
        assertTrue(r.isSecondHalf(add));
        return r.line(drop);
    }

    @Test
    void includeAndWhereThatOneSideLacksAreNamedInWords() {
        Index covering = new Index("T_a_idx", false, List.of(IndexPart.column("a")), "btree", null, List.of("id"), false);
        Index plain = new Index("T_a_idx", false, List.of(IndexPart.column("a")), "btree", null, List.of(), false);
        assertEquals("~ index T_a_idx: INCLUDE (id) → no INCLUDE", line(covering, plain));
        assertEquals("~ index T_a_idx: no INCLUDE → INCLUDE (id)", line(plain, covering));
        Index partial = new Index("T_a_idx", false, List.of(IndexPart.column("a")), "btree", "a > 0", List.of(), false);
        assertEquals("~ index T_a_idx: no WHERE → WHERE a > 0", line(plain, partial));
        assertEquals("~ index T_a_idx: WHERE a > 0 → no WHERE", line(partial, plain));
    }
}
