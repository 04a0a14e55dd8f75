package dev.migratest.findings;

import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.ClassServer;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Postgres, statements that give a table new storage are told apart by what they did: TRUNCATE empties
 * (truncate-table, with the data check's verdict on the rows), CLUSTER copies and REFRESH MATERIALIZED VIEW runs its
 * query again (table-rewrite, each in its own words).
 */
class StatementKindsIT {
    private static final String SETUP = """
            CREATE TABLE orders (id serial PRIMARY KEY, note text);
            INSERT INTO orders (note) SELECT 'order ' || g FROM generate_series(1, 100) g;
            CREATE MATERIALIZED VIEW order_count AS SELECT count(*) AS n FROM orders;
            """;
    @ClassServer
    private static PostgresServer server;
    @TempDir
    Path dir;

    @Test
    void truncatingATableWithRowsLosesThemTheDataCheckFailsAndTheFindingIsTruncateTable() throws Exception {
        CycleResult result = rehearse("SET lock_timeout = '2s';\nTRUNCATE orders;\n",
                "INSERT INTO orders (note) SELECT 'order ' || g FROM generate_series(1, 100) g;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failure()).contains("DOWN did not give back the data UP received");
        List<Finding> findings = Findings.of(result, FindingPolicy.defaults());
        assertThat(findings).extracting(Finding::rule).containsExactly("truncate-table");
        assertThat(findings.get(0).message()).startsWith("V2 line 2: TRUNCATE emptied public.orders under"
                + " AccessExclusiveLock, held ").endsWith(": reads and writes of public.orders waited for it, and its"
                + " rows are gone for good, no DOWN can give them back");
    }

    @Test
    void aDeclaredLossPassesAndAnswersTheFinding() throws Exception {
        CycleResult result = rehearse("-- migratest:allow data-loss — the orders are archived elsewhere first\n"
                        + "SET lock_timeout = '2s';\nTRUNCATE orders;\n",
                "SELECT 1;\n");

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertThat(result.data().declaredLoss()).isEqualTo("the orders are archived elsewhere first");
        assertThat(Findings.of(result, FindingPolicy.defaults())).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("truncate-table");
            assertThat(f.counts()).isFalse();
            assertThat(f.message()).endsWith("(declared data loss: the orders are archived elsewhere first)");
        });
    }

    @Test
    void truncatingATableTheSameMigrationCreatedIsNoFinding() throws Exception {
        CycleResult result = rehearse("CREATE TABLE staging (id int);\nINSERT INTO staging VALUES (1), (2);\n"
                + "TRUNCATE staging;\n", "SET lock_timeout = '2s';\nDROP TABLE staging;\n");

        assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(Findings.of(result, FindingPolicy.defaults())).isEmpty();
    }

    @Test
    void clusterIsACopyUnderItsOwnName() throws Exception {
        CycleResult result = rehearse("SET lock_timeout = '2s';\nCLUSTER orders USING orders_pkey;\n",
                "SET lock_timeout = '2s';\nALTER TABLE orders SET WITHOUT CLUSTER;\n");

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertThat(Findings.of(result, FindingPolicy.defaults())).filteredOn(f -> f.phase() == Phase.UP)
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("table-rewrite");
                    assertThat(f.message()).startsWith("V2 line 2: CLUSTER rewrote public.orders under AccessExclusiveLock");
                });
    }

    @Test
    void aBlockingRefreshIsNamedAsARefresh() throws Exception {
        CycleResult result = rehearse("SET lock_timeout = '2s';\nREFRESH MATERIALIZED VIEW order_count;\n", "SELECT 1;\n");

        assertThat(result.outcome()).as(result.failure()).isEqualTo(Outcome.PASSED);
        assertThat(Findings.of(result, FindingPolicy.defaults())).filteredOn(f -> f.phase() == Phase.UP)
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("table-rewrite");
                    assertThat(f.message()).startsWith("V2 line 2: REFRESH MATERIALIZED VIEW ran the query of"
                            + " public.order_count again into new files under AccessExclusiveLock");
                });
    }

    /** V1 (forward-only) builds and fills the tables; V2 is the migration under test. */
    private CycleResult rehearse(String up, String down) throws Exception {
        Files.writeString(dir.resolve("V1__setup.sql"), SETUP);
        Files.writeString(dir.resolve("V2__under_test.sql"), up);
        Files.writeString(dir.resolve("U2__under_test.sql"), down);
        List<Migration> migrations = MigrationLoader.load(dir, Layout.FLYWAY, true).migrations();
        try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "kinds", migrations, ColumnOrder.STRICT, false,
                SnapshotMode.INCREMENTAL)) {
            rehearsal.rehearse(0);
            return rehearsal.rehearse(1);
        }
    }
}
