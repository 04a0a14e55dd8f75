package dev.migratest.locks;

import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' lock-queue outage, rehearsed: a session holds ACCESS SHARE on the table for a second while UP wants
 * ACCESS EXCLUSIVE. Without lock_timeout UP queues and every reader queues behind it; with one, UP gives up.
 */
class LockQueueCheckIT {
    private static final Duration BLOCKER_HOLD = Duration.ofSeconds(1);
    private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
            + "INSERT INTO users SELECT g, 'u' || g FROM generate_series(1, 1000) g;\n";
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void withoutLockTimeoutTheAlterQueuesAndReadersStallBehindIt() throws Exception {
        CycleResult result = history().rehearse(USERS, "ALTER TABLE users ADD COLUMN phone text;\n",
                "ALTER TABLE users DROP COLUMN phone;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        LockQueueResult queue = result.lockQueue();
        assertThat(queue.tables()).containsExactly("public.users");
        assertThat(queue.verdict()).isEqualTo(LockQueueResult.Verdict.MADE_READERS_WAIT);
        assertThat(queue.migrationError()).isNull();
        // Readers arriving while the ALTER waited stalled for most of the blocker's second.
        assertThat(queue.worstReaderStallMs()).isGreaterThan(BLOCKER_HOLD.toMillis() / 5.0);
        assertThat(queue.readerQueries()).isPositive();
    }

    @Test
    void withLockTimeoutTheAlterFailsFastAndTheDatabaseStillEndsHoldingUp() throws Exception {
        CycleResult result = history().rehearse(USERS,
                "SET lock_timeout = '100ms';\nALTER TABLE users ADD COLUMN phone text;\n",
                "ALTER TABLE users DROP COLUMN phone;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        LockQueueResult queue = result.lockQueue();
        assertThat(queue.verdict()).isEqualTo(LockQueueResult.Verdict.FAILED_FAST);
        assertThat(queue.migrationError()).startsWith("55P03");
    }

    @Test
    void aMigrationWithoutAccessExclusiveOnAnExistingTableNeedsNoCheck() throws Exception {
        CycleResult result = history().rehearse(USERS, "CREATE TABLE audit (id bigint PRIMARY KEY);\n",
                "DROP TABLE audit;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.lockQueue()).isNull();
    }

    private TracedHistory history() throws java.io.IOException {
        return new TracedHistory(server, java.nio.file.Files.createTempDirectory(dir, "h"))
                .withLockQueueCheck(BLOCKER_HOLD);
    }
}
