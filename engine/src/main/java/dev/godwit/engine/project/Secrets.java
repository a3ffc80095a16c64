package dev.godwit.engine.project;

/** Placeholder until the masking utility lands. */
public final class Secrets {
    private Secrets() {}
    public static String mask(String text) {
        return text == null ? null : text.replaceAll("(://[^:/@\\s]*:)[^@\\s]*@", "$1****@");
    }
}
