package dev.godwit.shell;

import java.io.Console;

/** Questions of a one-shot command run on a terminal (outside the shell), through the console. */
final class ConsolePrompter implements Prompter {
    private final Console console;

    ConsolePrompter(Console console) {
        this.console = console;
    }

    @Override
    public boolean confirm(String question, String typeToConfirm) {
        if (typeToConfirm != null) {
            console.printf("%s%n", question);
            String answer = console.readLine("Type the database name (%s) to go ahead, anything else cancels: ", typeToConfirm);
            return answer != null && answer.strip().equals(typeToConfirm);
        }
        return Prompter.isYes(console.readLine("%s [y/N] ", question));
    }

    @Override
    public String ask(String question) {
        return console.readLine("%s", question);
    }
}
