package dev.godwit.shell.recovery;

import dev.godwit.engine.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** {@link FailedMigrationRecovery} on MariaDB/MySQL. */
class FailedMigrationRecoveryMysqlTest extends FailedMigrationRecovery {
    static Stream<Arguments> kindCases() {
        return cases(TestDatabase.Kind.MYSQL);
    }

    @ParameterizedTest(name = "{0}, one transaction {1}, statement {2} fails, {3}")
    @MethodSource("kindCases")
    void aFailedMigrationEndsUpToDateFollowingWhatGodwitShows(TestDatabase.Kind kind, boolean transactional, int failing, Way path)
            throws Exception {
        endsUpToDate(kind, transactional, failing, path);
    }
}
