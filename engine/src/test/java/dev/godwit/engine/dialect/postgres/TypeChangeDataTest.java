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

/** Type changes on tables that hold rows: castable ones keep the values, the others re-create the column. */
class TypeChangeDataTest {
    private static final Dialect PG = Dialect.of(Provider.POSTGRESQL);
    private static final String HEAD = "datasource db {\n  provider = \"postgresql\"\n}\n\n"
            + "enum A {\n  X\n  Y\n}\n\nenum B {\n  X\n  Y\n  Z\n}\n\nenum State {\n  on\n  off\n}\n\n";

    private static Schema map(String model) {
        return Psl.parse("schema.prisma", HEAD + model).toSchema("public");
    }

    @Test
    void castsKeepValuesAndImpossibleOnesReCreateTheColumn() {
        Schema from = map("model T {\n  id Int @id\n  state String @default(\"on\")\n  e A @default(Y)\n  n Int\n  list Int[]\n  at DateTime?\n}\n");
        Schema to = map("model T {\n  id Int @id\n  state State @default(off)\n  e B @default(Z)\n  n BigInt\n  list Int?\n  at Int?\n}\n");
        try (TestDatabase db = TestDatabases.postgres()) {
            SchemaCorpus.run(db, PG.ddlWriter().statements(Differ.diff(Schema.empty("public"), from, PG.diffHooks())));
            db.execute("INSERT INTO \"T\" (id, state, e, n, list, at) VALUES (1, 'off', 'X', 7, '{1,2}', now()), (2, 'on', 'Y', 8, NULL, NULL)");
            List<String> statements = PG.ddlWriter().statements(Differ.diff(from, to, PG.diffHooks()));
            SchemaCorpus.run(db, statements);
            assertEquals(List.of(), Differ.diff(SchemaCorpus.inspect(db), to, PG.diffHooks()), String.join("\n", statements));
            assertEquals("off,on", db.scalar("SELECT string_agg(state::text, ',' ORDER BY id) FROM \"T\""));
            assertEquals("X,Y", db.scalar("SELECT string_agg(e::text, ',' ORDER BY id) FROM \"T\""));
            assertEquals("15", db.scalar("SELECT sum(n) FROM \"T\""));
            assertEquals("bigint", db.scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'T' AND column_name = 'n'"));
            // no cast from a list or a timestamp to an integer: the columns were dropped and added empty
            assertEquals("0", db.scalar("SELECT count(*) FROM \"T\" WHERE list IS NOT NULL OR at IS NOT NULL"));
            db.execute("INSERT INTO \"T\" (id, n) VALUES (3, 1)");
            assertEquals("off,Z", db.scalar("SELECT state::text || ',' || e::text FROM \"T\" WHERE id = 3"));
        }
    }
}
