package dev.godwit.engine.dialect.postgres;

import dev.godwit.engine.dialect.Dialect;
import dev.godwit.engine.diff.Differ;
import dev.godwit.engine.Provider;
import dev.godwit.engine.psl.Psl;
import dev.godwit.engine.schema.Schema;
import dev.godwit.engine.testing.SchemaCorpus;
import dev.godwit.engine.testing.TestDatabase;
import dev.godwit.engine.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quotes inside names and values. Prisma 7.10.1 writes an enum value mapped to {@code it's big}
 * unescaped ({@code ENUM ('it's big')}), a script that does not run; godwit's does, and reads back equal.
 */
class QuotingTest {
    private static final Dialect PG = Dialect.of(Provider.POSTGRESQL);

    @Test
    void quotesInEnumValuesNamesAndDefaultsSurviveTheRoundTrip() {
        Schema mapped = Psl.parse("schema.prisma", """
                datasource db {
                  provider = "postgresql"
                }

                enum Size {
                  BIG   @map("it's big")
                  SMALL @map("say \\"hi\\"")
                }

                model Thing {
                  id    Int    @id
                  size  Size   @default(BIG)
                  note  String @default("it's") @map("the \\"note\\"")
                  sizes Size[] @default([BIG, SMALL])

                  @@map("o'clock")
                }
                """).toSchema("public");
        try (TestDatabase db = TestDatabases.postgres()) {
            SchemaCorpus.run(db, PG.ddlWriter().statements(Differ.diff(Schema.empty("public"), mapped, PG.diffHooks())));
            assertEquals(List.of(), Differ.diff(SchemaCorpus.inspect(db), mapped, PG.diffHooks()));
            db.execute("INSERT INTO \"o'clock\" (id) VALUES (1)");
            assertEquals("it's big|it's|{\"it's big\",\"say \\\"hi\\\"\"}",
                    db.scalar("SELECT size || '|' || \"the \"\"note\"\"\" || '|' || sizes::text FROM \"o'clock\""));
        }
    }
}
