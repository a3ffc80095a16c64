package dev.godwit.engine.dialect.mysql;

/** Opens the package-private type verdicts of the MySQL lint rules to tests in other packages. */
public final class MysqlLintRulesProbe {
    private MysqlLintRulesProbe() {
    }

    public static String verdict(String old, String to) {
        return MysqlAlterRules.verdict(old, to);
    }
}
