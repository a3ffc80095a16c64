package dev.godwit.shell.repl;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The prompt: where commands go and in what state that database is, e.g.
 * {@code godwit dev@localhost/app (2 pending)> }. A production environment carries a red
 * {@code PROD} badge, so nobody mistakes it for a development database.
 */
public record PromptText(String environment, String database, boolean production, int pending, int failed,
                         boolean known, boolean unreachable) {

    public AttributedString render() {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        sb.styled(AttributedStyle.BOLD, "godwit");
        sb.append(' ');
        if (production) {
            sb.styled(AttributedStyle.BOLD.foreground(AttributedStyle.WHITE).background(AttributedStyle.RED), " PROD ");
            sb.append(' ');
        }
        AttributedStyle where = production ? AttributedStyle.BOLD.foreground(AttributedStyle.RED)
                : AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
        sb.styled(where, (environment == null ? "" : environment + "@") + (database == null ? "?" : database));
        sb.append(' ');
        if (unreachable) {
            sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), "(unreachable)");
        } else if (!known) {
            sb.styled(AttributedStyle.DEFAULT.faint(), "(…)");
        } else if (failed > 0 || pending > 0) {
            sb.append('(');
            if (failed > 0) {
                sb.styled(AttributedStyle.BOLD.foreground(AttributedStyle.RED), failed + " failed");
            }
            if (failed > 0 && pending > 0) {
                sb.append(", ");
            }
            if (pending > 0) {
                sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW), pending + " pending");
            }
            sb.append(')');
        } else {
            sb.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "(up to date)");
        }
        sb.append("> ");
        return sb.toAttributedString();
    }

    /** The prompt without colours (dumb terminals, NO_COLOR, --no-color). */
    public String plain() {
        return render().toString();
    }
}
