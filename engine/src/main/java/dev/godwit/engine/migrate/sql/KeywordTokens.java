package dev.godwit.engine.migrate.sql;

import java.util.List;

/** A statement's leading keywords ({@link StatementKeywords}) with positional access that never fails: out of range reads as an empty token. */
public record KeywordTokens(List<String> list) {
    public int size() {
        return list.size();
    }

    public String at(int i) {
        return i >= 0 && i < list.size() ? list.get(i) : "";
    }

    public boolean is(int i, String token) {
        return at(i).equals(token);
    }

    public int indexOf(String token, int from) {
        for (int i = from; i < list.size(); i++) {
            if (list.get(i).equals(token)) {
                return i;
            }
        }
        return -1;
    }

    /** Skips a possibly qualified name (name, "name", a.b) and returns the index after it. */
    public int skipName(int i) {
        if (is(i, "IF") && is(i + 1, "EXISTS")) {
            i += 2;
        }
        if (at(i).isEmpty()) {
            return i;
        }
        i++;
        while (is(i, ".") && !at(i + 1).isEmpty()) {
            i += 2;
        }
        return i;
    }

    public boolean onlyFrom(int i, String... allowed) {
        for (int k = i; k < list.size(); k++) {
            if (!List.of(allowed).contains(list.get(k))) {
                return false;
            }
        }
        return true;
    }
}
