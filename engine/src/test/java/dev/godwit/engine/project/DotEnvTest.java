package dev.godwit.engine.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DotEnvTest {

    private static Map<String, String> parse(String text) {
        return DotEnv.parse(text, Map.of("HOME_DIR", "/home/me"));
    }

    @Test
    void basicAssignmentsCommentsAndBlanks() {
        Map<String, String> m = parse("""
                # a comment
                A=1

                export B=two
                  C = three  \s
                not an assignment
                D=
                """);
        assertEquals(List.of("A", "B", "C", "D"), List.copyOf(m.keySet()));
        assertEquals("1", m.get("A"));
        assertEquals("two", m.get("B"));
        assertEquals("three", m.get("C"));
        assertEquals("", m.get("D"));
    }

    @Test
    void unquotedValuesLoseTrailingComments() {
        Map<String, String> m = parse("URL=postgresql://u:p@h/db#frag # the database\nX=#not-a-comment-start? \nY=a\t# tab comment\n");
        assertEquals("postgresql://u:p@h/db#frag", m.get("URL"));
        assertEquals("", m.get("X"));
        assertEquals("a", m.get("Y"));
    }

    @Test
    void singleQuotedIsLiteral() {
        Map<String, String> m = parse("A='x # y \\n ${HOME_DIR}' # comment\nB='  spaced  '\n");
        assertEquals("x # y \\n ${HOME_DIR}", m.get("A"));
        assertEquals("  spaced  ", m.get("B"));
    }

    @Test
    void doubleQuotedUnderstandsEscapesAndSpansLines() {
        Map<String, String> m = parse("A=\"line1\\nline2 \\\"q\\\" \\\\ \\$HOME # kept\" # comment\nB=\"multi\nline\"\nC=after\n");
        assertEquals("line1\nline2 \"q\" \\ $HOME # kept", m.get("A"));
        assertEquals("multi\nline", m.get("B"));
        assertEquals("after", m.get("C"));
    }

    @Test
    void expansion() {
        Map<String, String> m = parse("""
                USER_NAME=app
                URL=postgresql://${USER_NAME}@h/${HOME_DIR}
                Q="${USER_NAME}-x"
                MISSING=a${NOPE}b
                LIT=\\${USER_NAME}
                ESC="\\${USER_NAME}"
                """);
        assertEquals("postgresql://app@h//home/me", m.get("URL"));
        assertEquals("app-x", m.get("Q"));
        assertEquals("ab", m.get("MISSING"));
        assertEquals("${USER_NAME}", m.get("ESC"));
    }

    @Test
    void unterminatedQuoteIsTakenAsUnquoted() {
        Map<String, String> m = parse("A=\"abc\nB=1\n");
        assertEquals("\"abc", m.get("A"));
        assertEquals("1", m.get("B"));
    }

    @Test
    void laterDefinitionWinsAndCrlfAndBomAreHandled() {
        Map<String, String> m = parse("\uFEFFA=1\r\nA=2\r\nexport=3\r\nexportX=4\r\n");
        assertEquals("2", m.get("A"));
        assertEquals("3", m.get("export"));
        assertEquals("4", m.get("exportX"));
    }

    @Test
    void readsFilesAndMissingFileIsEmpty(@TempDir Path dir) throws Exception {
        assertTrue(DotEnv.read(dir.resolve(".env")).isEmpty());
        Files.writeString(dir.resolve(".env"), "DATABASE_URL=\"postgresql://localhost/app\"\n");
        assertEquals(Map.of("DATABASE_URL", "postgresql://localhost/app"), DotEnv.read(dir.resolve(".env")));
    }
}
