package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Features godwit does not carry out are errors at their lines, never silently ignored. */
class UnsupportedFeaturesTest {
    @Test
    void severalSchemasAreRefusedAtEachPlaceTheyAppear() {
        String text = """
                datasource db {
                  provider = "postgresql"
                  schemas  = ["base", "shop"]
                }

                model User {
                  id Int @id
                  @@schema("base")
                }

                enum Kind {
                  A
                  @@schema("shop")
                }
                """;
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", text));
        assertEquals(java.util.List.of(3, 8, 13), e.lines());
        assertTrue(e.getMessage().contains("several database schemas"), e.getMessage());
    }

    @Test
    void extensionsNeedThePreviewFeatureAndThenAMigrationOfTheirOwn() {
        String without = "datasource db {\n  provider = \"postgresql\"\n  extensions = [citext]\n}\n\nmodel A {\n  id Int @id\n}\n";
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", without));
        assertTrue(e.getMessage().contains("postgresqlExtensions` preview feature"), e.getMessage());
        String with = "generator client {\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"postgresqlExtensions\"]\n}\n\n" + without;
        PslException e2 = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", with));
        assertTrue(e2.getMessage().contains("CREATE EXTENSION"), e2.getMessage());
        assertEquals(java.util.List.of(8), e2.lines());
    }
}
