package dev.godwit.engine.psl;

import dev.godwit.engine.schema.ForeignKey;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each model's foreign keys are its own relations' and in their order, on a schema of thousands of
 * models (each table once scanned every relation of the schema for its keys).
 */
class RelationsAtScaleTest {
    private static final int MODELS = 3000;

    @Test
    void everyTableGetsItsOwnForeignKeysInOrder() {
        StringBuilder sb = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n  relationMode = \"foreignKeys\"\n}\n");
        for (int i = 0; i < MODELS; i++) {
            sb.append("model M").append(i).append(" {\n  id Int @id\n");
            if (i > 0) {
                // two relations to the model before, the second declared first in the file
                sb.append("  bId Int?\n  b M").append(i - 1).append("? @relation(\"b").append(i).append("\", fields: [bId], references: [id], onDelete: SetNull)\n");
                sb.append("  aId Int?\n  a M").append(i - 1).append("? @relation(\"a").append(i).append("\", fields: [aId], references: [id])\n");
            }
            if (i < MODELS - 1) {
                sb.append("  nb M").append(i + 1).append("[] @relation(\"b").append(i + 1).append("\")\n");
                sb.append("  na M").append(i + 1).append("[] @relation(\"a").append(i + 1).append("\")\n");
            }
            sb.append("}\n");
        }
        Schema schema = Psl.parse("schema.prisma", sb.toString()).toSchema("public");
        assertEquals(MODELS, schema.tables().size());
        for (Table t : schema.tables()) {
            int i = Integer.parseInt(t.name().substring(1));
            List<String> keys = t.foreignKeys().stream().map(ForeignKey::columns).map(c -> String.join(",", c)).toList();
            List<String> refs = t.foreignKeys().stream().map(ForeignKey::refTable).distinct().toList();
            if (i == 0) {
                assertEquals(List.of(), keys, t.name());
            } else {
                assertEquals(List.of("aId", "bId"), keys.stream().sorted().toList(), t.name());
                assertEquals(List.of("M" + (i - 1)), refs, t.name());
            }
        }
    }
}
