package dev.godwit.shell.session;

/**
 * Asks the user something: the shell's line reader, the console of a one-shot command, or (in
 * tests) a script of answers. Batch runs have none, so they never wait for an answer.
 */
public interface Prompter {
    /**
     * Asks a yes/no question whose default answer is no; when {@code typeToConfirm} is not
     * null the user must type that text instead (production databases).
     */
    default boolean confirm(String question, String typeToConfirm) {
        if (typeToConfirm != null) {
            String answer = ask(question + "\nType the database name (" + typeToConfirm + ") to go ahead, anything else cancels: ");
            return answer != null && answer.strip().equals(typeToConfirm);
        }
        return isYes(ask(question + " [y/N] "));
    }

    /** Asks for a line of text; null when the user cancels (end of input, Ctrl-C). */
    String ask(String question);

    /** Whether an answer is a yes: "y" or "yes", any case; everything else, empty included, is no. */
    static boolean isYes(String answer) {
        if (answer == null) {
            return false;
        }
        String a = answer.strip();
        return a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes");
    }
}
