package dev.godwit.shell.tui;

/** What a piece of text means; the screen maps it to colours (or to nothing with NO_COLOR). */
public enum Tone {
    NORMAL, DIM, BOLD, HEADER,
    KEYWORD, STRING, COMMENT, DANGER,
    FAILED_MARK,
    APPLIED, PENDING, ROLLED_BACK, OUT_OF_ORDER, FAILED, EDITED, MISSING,
    ERROR, OK
}
