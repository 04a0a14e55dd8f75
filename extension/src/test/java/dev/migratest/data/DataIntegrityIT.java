package dev.migratest.data;

import dev.migratest.migration.Layout;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataVolume;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * up → down → up on tables datagen filled (2 000 rows each, edge values included): a schema that comes back
 * is not enough, the data must too. V1 builds the tables; V2 is the migration under test.
 */
class DataIntegrityIT {
    private static final String TABLES = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, phone text);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users,
                                 amount numeric(10, 2) NOT NULL CHECK (amount >= 0));
            CREATE INDEX orders_user_id_idx ON orders (user_id);
            """;
    private static final DataVolume VOLUME = new DataVolume(2000, Map.of(), Map.of(), 7, false);
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void aDownThatDropsAndReAddsAColumnLosesItsValuesAndTheColumnIsNamed() throws Exception {
        CycleResult result = rehearse("ALTER TABLE users DROP COLUMN phone;\n",
                "ALTER TABLE users ADD COLUMN phone text;\n");

        // the UP here is the destructive one: DOWN brings the column back, but empty
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failedPhase()).isEqualTo(Phase.DOWN);
        assertThat(result.data().downVsBefore()).singleElement().asString()
                .startsWith("public.users.phone — ").contains(" of 2 000 values are now NULL after DOWN");
        assertThat(result.failure()).contains("DOWN did not give back the data UP received")
                .contains("-- migratest:allow data-loss — <why>");
    }

    @Test
    void aDownThatForgetsToRestoreRowsIsCaughtWithTheCount() throws Exception {
        CycleResult result = rehearse("DELETE FROM orders WHERE id % 10 = 0;\n", "SELECT 1;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.data().downVsBefore()).singleElement().asString()
                .matches("public\\.orders: \\d+ of 2 000 rows missing after DOWN");
    }

    @Test
    void aLossyTypeRoundTripKeepsRowsAndNullsButNotTheValues() throws Exception {
        // trunc, not round: the edge value 99 999 999.99 rounds to 10^8, which numeric(10, 2) rejects on the way back
        // (a DOWN failure worth knowing about in its own right)
        CycleResult result = rehearse("ALTER TABLE orders ALTER COLUMN amount TYPE integer USING trunc(amount);\n",
                "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(10, 2);\n");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.data()).as(result.failure()).isNotNull();
        assertThat(result.data().downVsBefore()).containsExactly("public.orders.amount — values changed after DOWN"
                + " (same rows, same NULLs, different values: a lossy round trip)");
    }

    @Test
    void anExpandStepWithBackfillAndItsDownLoseNothing() throws Exception {
        CycleResult result = rehearse("""
                ALTER TABLE users ADD COLUMN contact text;
                UPDATE users SET contact = coalesce(phone, email);
                """, "ALTER TABLE users DROP COLUMN contact;\n");

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertThat(result.data().lines()).isEmpty();
        assertThat(result.data().declaredLoss()).isNull();
    }

    @Test
    void aDeclaredIrreversibleMigrationIsReportedNotFailed() throws Exception {
        CycleResult result = rehearse("""
                -- migratest:allow data-loss — contract step: phone moved to contacts in V1, the column goes for good
                ALTER TABLE users DROP COLUMN phone;
                """, "ALTER TABLE users ADD COLUMN phone text;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result.data().declaredLoss())
                .isEqualTo("contract step: phone moved to contacts in V1, the column goes for good");
        assertThat(result.data().downVsBefore()).singleElement().asString().startsWith("public.users.phone — ");
    }

    @Test
    void anInvariantThatUpBreaksFailsTheCycleWithBothAnswersAndOneThatHoldsPasses() throws Exception {
        List<String> invariants = List.of("select count(*) from orders", "select sum(length(email)) from users");

        CycleResult broken = rehearse("DELETE FROM orders WHERE id % 10 = 0;\n", "SELECT 1;\n", invariants);

        assertThat(broken.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(broken.failedPhase()).isEqualTo(Phase.UP);
        assertThat(broken.failure()).matches("(?s)2 under_test: 1 invariant broke after UP:\\n"
                + "  invariant `select count\\(\\*\\) from orders` answered 2000 before UP but \\d+ after UP");

        CycleResult holds = rehearse("ALTER TABLE users ADD COLUMN nickname text;\n",
                "ALTER TABLE users DROP COLUMN nickname;\n", invariants);
        assertThat(holds.outcome()).as(holds.failure()).isEqualTo(Outcome.PASSED);
        assertThat(holds.data().invariants()).isEmpty();
    }

    @Test
    void anInvariantThatTheSchemaBreaksNamesThePostgresError() throws Exception {
        CycleResult result = rehearse("ALTER TABLE users RENAME COLUMN email TO email_address;\n",
                "ALTER TABLE users RENAME COLUMN email_address TO email;\n",
                List.of("select count(*) from users where email like '%@%'"));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.data().invariants()).singleElement().asString()
                .contains("failed after UP: ERROR 42703");
    }

    private CycleResult rehearse(String up, String down) throws Exception {
        return rehearse(up, down, List.of());
    }

    private CycleResult rehearse(String up, String down, List<String> invariants) throws Exception {
        write("V1__tables.sql", TABLES);
        write("U1__tables.sql", "DROP TABLE orders;\nDROP TABLE users;\n");
        write("V2__under_test.sql", up);
        write("U2__under_test.sql", down);
        var migrations = MigrationLoader.load(dir, Layout.FLYWAY, false).migrations();
        List<CycleResult> results = new ArrayList<>();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "data", migrations, ColumnOrder.IGNORE, false,
                SnapshotMode.INCREMENTAL, VOLUME)) {
            rehearsal.withInvariants(invariants);
            for (int i = 0; i < migrations.size(); i++) results.add(rehearsal.rehearse(i));
        }
        assertThat(results.get(0).outcome()).as(results.get(0).failure()).isEqualTo(Outcome.PASSED);
        return results.get(1);
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
