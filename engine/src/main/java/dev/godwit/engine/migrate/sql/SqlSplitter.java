package dev.godwit.engine.migrate.sql;

import dev.godwit.engine.project.Provider;
import java.util.ArrayList;
import java.util.List;

/** Placeholder until the lexer-based splitter lands: splits on semicolons at line ends. */
public final class SqlSplitter {
    private SqlSplitter() {}
    public static List<SqlStatement> split(String script, Provider provider) {
        List<SqlStatement> out = new ArrayList<>();
        String[] parts = script.split(";\\s*\n");
        int line = 1;
        for (String p : parts) {
            String t = p.strip();
            if (t.endsWith(";")) t = t.substring(0, t.length() - 1);
            if (!t.isEmpty()) out.add(new SqlStatement(out.size() + 1, t, line, 1));
            line += p.split("\n", -1).length;
        }
        return out;
    }
}
