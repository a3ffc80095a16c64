package dev.godwit.shell.app;

import dev.godwit.shell.session.Out;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run of one command builds that command alone; anything else gets the whole tree, and both describe a command alike. */
class CommandTreeTest {
    private final Out out = new Out(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false);

    private CommandLine tree(String first) {
        return Main.commandLine(new GodwitCommand(out, Map.of()), out, first);
    }

    @Test
    void aMainCommandGetsATreeOfItselfAlone() {
        assertEquals(Set.of("plan"), tree("plan").getSubcommands().keySet());
        // an alias reaches its command, under both names as picocli lists them
        assertEquals(Set.of("apply", "deploy"), tree("deploy").getSubcommands().keySet());
    }

    @Test
    void optionsHelpAndUnknownWordsGetTheWholeTree() {
        int whole = Main.commandLine(new GodwitCommand(out, Map.of()), out).getSubcommands().size();
        for (String first : new String[]{"--url", "-c", "help", "stats", "inspect"}) {
            CommandLine t = tree(first);
            assertEquals(whole, t.getSubcommands().size(), first);
            assertTrue(t.getSubcommands().containsKey("status") && t.getSubcommands().containsKey("sql"), first);
        }
    }

    @Test
    void everyMainCommandIsDescribedAsInTheWholeTree() {
        CommandLine whole = Main.commandLine(new GodwitCommand(out, Map.of()), out);
        for (GodwitCommand.Entry e : GodwitCommand.COMMANDS) {
            String name = e.names().get(0);
            CommandLine alone = tree(name).getSubcommands().get(name);
            assertEquals(usage(whole.getSubcommands().get(name)), usage(alone), name);
            assertEquals(whole.getSubcommands().get(name).getCommandSpec().findOption("--json") != null,
                    alone.getCommandSpec().findOption("--json") != null, name);
        }
    }

    private static String usage(CommandLine cl) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cl.usage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
