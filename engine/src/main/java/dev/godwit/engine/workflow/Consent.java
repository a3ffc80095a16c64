package dev.godwit.engine.workflow;

/**
 * The questions a workflow asks before it does what cannot be taken back or guessed (data loss, a rename,
 * a name). The front end decides who answers: a person at a terminal, nobody (batch runs, {@code --yes}),
 * or a program's own rule. Every question's default is no.
 */
public interface Consent {
    /** Whether someone can answer now; when not, a workflow that needs an answer returns it as needed rather than asking. */
    boolean canAsk();

    /** A yes/no question; false unless the answer is yes. Only asked when {@link #canAsk()}. */
    boolean confirm(String question);

    /** A line of text (a name); null or blank when the answer is withheld. Only asked when {@link #canAsk()}. */
    String ask(String question);

    /** Nobody answers: what needs consent comes back as {@code NeedsConsent}. */
    Consent NOBODY = new Consent() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }

        @Override
        public String ask(String question) {
            return null;
        }
    };
}
