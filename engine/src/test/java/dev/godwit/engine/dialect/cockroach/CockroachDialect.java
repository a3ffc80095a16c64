package dev.godwit.engine.dialect.cockroach;

/** CockroachDB speaks PostgreSQL's protocol and SQL: this test family does what PostgreSQL's dialect does. */
public final class CockroachDialect implements dev.godwit.engine.dialect.Dialect {
    /** PostgreSQL's, asked on each use: this family's services load while PostgreSQL's do. */
    private static dev.godwit.engine.dialect.Dialect base() {
        return dev.godwit.engine.dialect.Dialect.of(dev.godwit.engine.Provider.POSTGRESQL);
    }

    @Override
    public dev.godwit.engine.Provider provider() {
        return CockroachFamily.COCKROACHDB;
    }

    @Override
    public boolean transactionalDdl() {
        return base().transactionalDdl();
    }

    @Override
    public String quote(String a0) {
        return base().quote(a0);
    }

    @Override
    public void prepareSession(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        base().prepareSession(a0, a1);
    }

    @Override
    public void ensureSchema(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        base().ensureSchema(a0, a1);
    }

    @Override
    public String historyTableDdl(String a0) {
        return base().historyTableDdl(a0);
    }

    @Override
    public String historyTable(String a0) {
        return base().historyTable(a0);
    }

    @Override
    public boolean historyTableExists(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        return base().historyTableExists(a0, a1);
    }

    @Override
    public java.util.List<String> schemasLike(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        return base().schemasLike(a0, a1);
    }

    @Override
    public java.util.List<String> userObjects(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        return base().userObjects(a0, a1);
    }

    @Override
    public dev.godwit.engine.dialect.MigrationLock lock(java.sql.Connection a0, java.time.Duration a1) throws java.sql.SQLException {
        return base().lock(a0, a1);
    }

    @Override
    public dev.godwit.engine.dialect.MigrationLock lock(java.sql.Connection a0, javax.sql.DataSource a1, java.time.Duration a2) throws java.sql.SQLException {
        return base().lock(a0, a1, a2);
    }

    @Override
    public java.util.Optional<dev.godwit.engine.dialect.ClusterState> clusterState(java.sql.Connection a0) throws java.sql.SQLException {
        return base().clusterState(a0);
    }

    @Override
    public java.util.Optional<String> transactionPooler(javax.sql.DataSource a0, int a1) throws java.sql.SQLException {
        return base().transactionPooler(a0, a1);
    }

    @Override
    public String lockScope(dev.godwit.engine.project.DatabaseUrl a0) {
        return base().lockScope(a0);
    }

    @Override
    public String sessionId(java.sql.Connection a0) throws java.sql.SQLException {
        return base().sessionId(a0);
    }

    @Override
    public boolean sessionAlive(java.sql.Connection a0, String a1) throws java.sql.SQLException {
        return base().sessionAlive(a0, a1);
    }

    @Override
    public java.util.Optional<dev.godwit.engine.dialect.LockHolder> lockHolder(java.sql.Connection a0) throws java.sql.SQLException {
        return base().lockHolder(a0);
    }

    @Override
    public void endSession(java.sql.Connection a0, dev.godwit.engine.dialect.LockHolder a1) throws java.sql.SQLException {
        base().endSession(a0, a1);
    }

    @Override
    public java.util.Optional<String> whyNotTransactional(dev.godwit.engine.migrate.sql.SqlStatement a0) {
        return base().whyNotTransactional(a0);
    }

    @Override
    public java.util.List<String> whyNotTransactional(java.util.List<dev.godwit.engine.migrate.sql.SqlStatement> a0, int a1) {
        return base().whyNotTransactional(a0, a1);
    }

    @Override
    public String nowExpression() {
        return base().nowExpression();
    }

    @Override
    public void finishAndStart(java.sql.Connection a0, String a1, String a2, int a3, String a4, String a5, String a6, String a7, String a8) throws java.sql.SQLException {
        base().finishAndStart(a0, a1, a2, a3, a4, a5, a6, a7, a8);
    }

    @Override
    public String statementTimeExpression() {
        return base().statementTimeExpression();
    }

    @Override
    public String concat(String a0, String a1) {
        return base().concat(a0, a1);
    }

    @Override
    public dev.godwit.engine.GodwitException connectionFailure(java.sql.SQLException a0, String a1) {
        return base().connectionFailure(a0, a1);
    }

    @Override
    public boolean isConnectionLoss(java.sql.SQLException a0) {
        return base().isConnectionLoss(a0);
    }

    @Override
    public boolean isCancellation(java.sql.SQLException a0) {
        return base().isCancellation(a0);
    }

    @Override
    public void beginReadOnly(java.sql.Connection a0) throws java.sql.SQLException {
        base().beginReadOnly(a0);
    }

    @Override
    public boolean isReadOnlyViolation(java.sql.SQLException a0) {
        return base().isReadOnlyViolation(a0);
    }

    @Override
    public String serverVersion(java.sql.Connection a0) throws java.sql.SQLException {
        return base().serverVersion(a0);
    }

    @Override
    public dev.godwit.engine.dialect.Inspector inspector() {
        return base().inspector();
    }

    @Override
    public dev.godwit.engine.dialect.DdlWriter ddlWriter() {
        return base().ddlWriter();
    }

    @Override
    public dev.godwit.engine.diff.DiffHooks diffHooks() {
        return base().diffHooks();
    }

    @Override
    public dev.godwit.engine.dialect.LockWaits lockWaits() {
        return base().lockWaits();
    }

    @Override
    public dev.godwit.engine.dialect.ServerAdmin serverAdmin() {
        return base().serverAdmin();
    }
}
