package dev.godwit.shell.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.function.UnaryOperator;

/**
 * The question both screens ask before they change the database: first a line of text (a
 * reason, a migration name), then a y/N whose default is no, or on a production database the
 * database's name typed out. Keys go in, a result comes out; the screen draws the step it is at.
 */
final class ConfirmDialog {
    enum Step { TEXT, CONFIRM, TYPE_NAME }

    enum Result { OPEN, CONFIRMED, CANCELLED, WRONG_NAME }

    private final boolean production;
    private final String databaseName;
    private final int maxLength;
    private final UnaryOperator<String> problemWith;
    private final StringBuilder input = new StringBuilder();
    private Step step = Step.TEXT;
    private String text = "";
    private String problem;

    /** {@code problemWith}: given the text entered, why it cannot be taken, or null to go on. */
    ConfirmDialog(boolean production, String databaseName, int maxLength, UnaryOperator<String> problemWith) {
        this.production = production;
        this.databaseName = databaseName;
        this.maxLength = maxLength;
        this.problemWith = problemWith;
    }

    /** Only the question: y/N, or on a production database the name typed (nothing to write first). */
    static ConfirmDialog question(boolean production, String databaseName) {
        ConfirmDialog d = new ConfirmDialog(production, databaseName, 200, typed -> null);
        d.step = production ? Step.TYPE_NAME : Step.CONFIRM;
        return d;
    }

    Step step() {
        return step;
    }

    /** What is being typed (the text, or the database name). */
    String input() {
        return input.toString();
    }

    /** The text accepted at the first step. */
    String text() {
        return text;
    }

    /** Why the last Enter did not take the text, or null. */
    String problem() {
        return problem;
    }

    String databaseName() {
        return databaseName;
    }

    Result key(KeyStroke k) {
        problem = null;
        if (step == Step.CONFIRM) {
            boolean yes = k.getKeyType() == KeyType.Character && !k.isCtrlDown()
                    && (k.getCharacter() == 'y' || k.getCharacter() == 'Y');
            return yes ? Result.CONFIRMED : Result.CANCELLED;
        }
        switch (k.getKeyType()) {
            case Character -> {
                if (k.isCtrlDown()) {
                    return Result.CANCELLED;
                }
                if (input.length() < maxLength) {
                    input.append(k.getCharacter());
                }
            }
            case Backspace -> {
                if (input.length() > 0) {
                    input.setLength(input.length() - 1);
                }
            }
            case Escape -> {
                return Result.CANCELLED;
            }
            case Enter -> {
                return enter();
            }
            default -> {
            }
        }
        return Result.OPEN;
    }

    private Result enter() {
        String typed = input.toString().strip();
        if (step == Step.TYPE_NAME) {
            return typed.equals(databaseName) ? Result.CONFIRMED : Result.WRONG_NAME;
        }
        problem = problemWith.apply(typed);
        if (problem != null) {
            return Result.OPEN;
        }
        text = typed;
        input.setLength(0);
        step = production ? Step.TYPE_NAME : Step.CONFIRM;
        return Result.OPEN;
    }

    /** The line being typed, with its cursor. */
    Line inputLine() {
        return new Line.Builder().add("> ", Tone.HEADER).add(input + "█").build();
    }
}
