package dev.godwit.shell.session;

import java.io.Console;

/** Questions of a one-shot command run on a terminal (outside the shell), through the console. */
final class ConsolePrompter implements Prompter {
    private final Console console;

    ConsolePrompter(Console console) {
        this.console = console;
    }

    @Override
    public String ask(String question) {
        return console.readLine("%s", question);
    }
}
