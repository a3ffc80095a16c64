package dev.godwit.shell.repl;

import dev.godwit.engine.project.Secrets;
import dev.godwit.engine.project.CommandLineSecrets;
import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;

/** Shell history that never keeps a password: every line, whether it parsed, ran or failed, is masked before it is stored, in memory and on disk. */
public final class MaskingHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        super.add(time, CommandLineSecrets.mask(line));
    }
}
