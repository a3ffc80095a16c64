package dev.godwit.engine.psl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Features godwit does not carry out are errors at their lines, never silently ignored. */
class UnsupportedFeaturesTest {
    @Test
    void severalSchemasMapToQualifiedNamesAndTheirMistakesNameTheirLines() {
        String text = """
                datasource db {
                  provider = "postgresql"
                  schemas  = ["base", "shop"]
                }

                model User {
                  id   Int  @id
                  kind Kind
                  @@schema("base")
                }

                enum Kind {
                  A
                  @@schema("shop")
                }
                """;
        dev.godwit.engine.schema.Schema s = Psl.parse("schema.prisma", text).toSchema("public");
        assertEquals(List.of("base", "shop"), s.namespaces());
        assertEquals("base.User", s.tables().get(0).name());
        assertEquals("shop.Kind", s.tables().get(0).column("kind").orElseThrow().type().enumRef());
        PslException e = assertThrows(PslException.class, () -> Psl.parse("schema.prisma", text.replace("@@schema(\"shop\")", "@@schema(\"blog\")")));
        assertEquals(List.of(14), e.lines());
        assertTrue(e.getMessage().contains("schema.prisma:14:3"), e.getMessage());
        assertTrue(e.getMessage().contains("This schema is not defined in the datasource"), e.getMessage());
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

    @Test
    void setNullOnARequiredRelationIsAWarningWithItsLineOnPostgres() {
        String text = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel P {\n  id Int @id\n  cs C[]\n}\n\nmodel C {\n  id Int @id\n"
                + "  p  P @relation(fields: [pId], references: [id], onDelete: SetNull)\n  pId Int\n}\n";
        PslSchema s = Psl.parse("schema.prisma", text);
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).startsWith("schema.prisma:12:"), s.warnings().get(0));
        assertTrue(s.warnings().get(0).contains("`onDelete`"), s.warnings().get(0));
        assertEquals(List.of(), Psl.parse("schema.prisma", text.replace("pId Int\n", "pId Int?\n").replace("  p  P @", "  p  P? @")).warnings());
    }

    @Test
    void previewFeaturesPrisma7NoLongerKnowsAreAWarningWithTheirPlace() {
        // Prisma 7.10 refuses the schema ("The preview feature "metrics" is not known"); they concern its client only
        String text = "generator client {\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"views\", \"metrics\", \"driverAdapters\"]\n}\n\n"
                + "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel A {\n  id Int @id\n}\n";
        PslSchema s = Psl.parse("schema.prisma", text);
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).startsWith("schema.prisma:3:31: the preview feature \"metrics\" is not known to Prisma 7"), s.warnings().get(0));
        assertTrue(s.warnings().get(1).contains("\"driverAdapters\""), s.warnings().get(1));
    }
}
