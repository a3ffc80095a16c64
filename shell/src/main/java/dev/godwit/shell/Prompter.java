package dev.godwit.shell;

/** Asks the user to confirm something; only the interactive shell has one. */
public interface Prompter {
    /**
     * Asks a yes/no question whose default answer is no; when {@code typeToConfirm} is not
     * null the user must type that text instead (production databases).
     */
    boolean confirm(String question, String typeToConfirm);
}
