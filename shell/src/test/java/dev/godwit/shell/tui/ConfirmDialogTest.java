package dev.godwit.shell.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConfirmDialogTest {
    private static ConfirmDialog.Result type(ConfirmDialog d, String text) {
        ConfirmDialog.Result r = ConfirmDialog.Result.OPEN;
        for (char c : text.toCharArray()) {
            r = d.key(new KeyStroke(c, false, false));
        }
        return r;
    }

    private static final KeyStroke ENTER = new KeyStroke(KeyType.Enter);

    @Test
    void onlyYConfirmsAndEverythingElseIsNo() {
        for (KeyStroke answer : new KeyStroke[] {ENTER, new KeyStroke('n', false, false), new KeyStroke(KeyType.Escape),
                new KeyStroke('y', true, false)}) {
            ConfirmDialog d = new ConfirmDialog(false, "shop", 50, t -> null);
            type(d, " why ");
            assertEquals(ConfirmDialog.Result.OPEN, d.key(ENTER));
            assertEquals(ConfirmDialog.Step.CONFIRM, d.step());
            assertEquals("why", d.text());
            assertEquals(ConfirmDialog.Result.CANCELLED, d.key(answer), answer.toString());
        }
        ConfirmDialog d = new ConfirmDialog(false, "shop", 50, t -> null);
        d.key(ENTER);
        assertEquals(ConfirmDialog.Result.CONFIRMED, d.key(new KeyStroke('Y', false, false)));
    }

    @Test
    void productionWantsTheDatabaseNameExactly() {
        ConfirmDialog d = new ConfirmDialog(true, "shop", 50, t -> null);
        d.key(ENTER);
        assertEquals(ConfirmDialog.Step.TYPE_NAME, d.step());
        type(d, "y");
        assertEquals(ConfirmDialog.Result.WRONG_NAME, d.key(ENTER));
        ConfirmDialog again = new ConfirmDialog(true, "shop", 50, t -> null);
        again.key(ENTER);
        type(again, "shopx");
        again.key(new KeyStroke(KeyType.Backspace));
        assertEquals(ConfirmDialog.Result.CONFIRMED, again.key(ENTER));
    }

    @Test
    void aRefusedTextStaysForCorrectionAndInputIsBounded() {
        ConfirmDialog d = new ConfirmDialog(false, "shop", 5, t -> t.isEmpty() ? "A name is needed." : null);
        assertEquals(ConfirmDialog.Result.OPEN, d.key(ENTER));
        assertEquals("A name is needed.", d.problem());
        assertEquals(ConfirmDialog.Step.TEXT, d.step());
        type(d, "abcdefgh");
        assertEquals("abcde", d.input());
        d.key(ENTER);
        assertNull(d.problem());
        assertEquals(ConfirmDialog.Step.CONFIRM, d.step());
    }
}
