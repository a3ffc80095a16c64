package dev.godwit.shell.repl;

import dev.godwit.engine.Secrets;
import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/** Shell history that never keeps a password: every line is masked before it is stored, in memory and on disk. */
public final class MaskingHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        super.add(time, Secrets.mask(line));
    }
}
