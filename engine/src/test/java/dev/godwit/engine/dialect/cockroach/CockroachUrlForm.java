package dev.godwit.engine.dialect.cockroach;

/** cockroachdb:// URLs on port 26257, through the PostgreSQL JDBC driver. */
public final class CockroachUrlForm implements dev.godwit.engine.project.UrlForm {
    /** PostgreSQL's, asked on each use: this family's services load while PostgreSQL's do. */
    private static dev.godwit.engine.project.UrlForm base() {
        return dev.godwit.engine.project.UrlForm.of(dev.godwit.engine.Provider.POSTGRESQL);
    }

    @Override
    public dev.godwit.engine.Provider provider() {
        return CockroachFamily.COCKROACHDB;
    }

    @Override
    public java.util.List<String> schemes() {
        return java.util.List.of("cockroachdb");
    }

    @Override
    public int defaultPort() {
        return 26257;
    }

    @Override
    public boolean schemasInDatabase() {
        return base().schemasInDatabase();
    }

    @Override
    public boolean jdbcWithoutHost() {
        return base().jdbcWithoutHost();
    }

    @Override
    public String defaultDatabase(dev.godwit.engine.project.DatabaseUrl a0) {
        return base().defaultDatabase(a0);
    }

    @Override
    public boolean socketIgnoresPort() {
        return base().socketIgnoresPort();
    }

    @Override
    public String jdbcPrefix() {
        return base().jdbcPrefix();
    }

    @Override
    public java.util.Map<String, String> driverParams(dev.godwit.engine.project.DatabaseUrl a0) {
        return base().driverParams(a0);
    }

    @Override
    public void addDefaults(java.util.Map<String, String> a0, java.util.Properties a1) {
        base().addDefaults(a0, a1);
    }

    @Override
    public String parameterProblem(String a0, String a1) {
        return base().parameterProblem(a0, a1);
    }

    @Override
    public void keepNoServerStatements(java.util.Properties a0) {
        base().keepNoServerStatements(a0);
    }

    @Override
    public boolean embeddedServer() {
        return false;
    }
}
