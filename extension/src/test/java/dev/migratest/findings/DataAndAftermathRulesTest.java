package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.findings.Cycles.updated;
import static dev.migratest.locks.LockMode.ROW_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migratest.locks.PhaseAftermath;
import dev.migratest.runner.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataAndAftermathRulesTest {

    private static final String ORDERS = "public.orders";

    @Test
    void oneUpdateOfNearlyTheWholeTableIsAWholeTableBackfill() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(6, "UPDATE orders SET status = 'open'",
                        trace(lock(table(ORDERS), ROW_EXCLUSIVE, 3_000)).activity(updated(ORDERS, 49_800))))
                .findings("whole-table-backfill");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 6: one UPDATE changed 49 800 of 50 000 rows of public.orders "
                    + "(99.6 %) in 5.0 ms, keeping every one of them locked until COMMIT");
            assertThat(f.advice()).contains("batches", "own transaction");
        });
    }

    @Test
    void aTargetedUpdateOrASmallTableIsNoBackfill() {
        assertThat(migration().rows(ORDERS, 50_000)
                .up(statement(6, "UPDATE orders SET status = 'open' WHERE id < 5000",
                        trace(lock(table(ORDERS), ROW_EXCLUSIVE, 30)).activity(updated(ORDERS, 4_999))))
                .findings("whole-table-backfill")).isEmpty();
        assertThat(migration().rows(ORDERS, 500)
                .up(statement(6, "UPDATE orders SET status = 'open'",
                        trace(lock(table(ORDERS), ROW_EXCLUSIVE, 3)).activity(updated(ORDERS, 500))))
                .findings("whole-table-backfill")).isEmpty();
    }

    @Test
    void anInvalidIndexLeftByThePhaseIsAnErrorOnTheLineThatBuiltIt() {
        var findings = migration()
                .phase(Phase.UP, false, statement(2, "CREATE UNIQUE INDEX CONCURRENTLY orders_email ON orders (email)",
                        trace(lock(table(ORDERS), SHARE_UPDATE_EXCLUSIVE, 40))))
                .aftermath(Phase.UP, new PhaseAftermath(List.of("public.orders_email"), List.of()))
                .findings("index-left-invalid");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.relation()).isEqualTo("public.orders_email");
            assertThat(f.advice()).startsWith("DROP INDEX CONCURRENTLY public.orders_email");
        });
        assertThat(migration()
                .phase(Phase.UP, false, statement(2, "CREATE INDEX CONCURRENTLY orders_email ON orders (email)",
                        trace(lock(table(ORDERS), SHARE_UPDATE_EXCLUSIVE, 40))))
                .aftermath(Phase.UP, PhaseAftermath.NONE)
                .findings("index-left-invalid")).isEmpty();
    }

    @Test
    void aForeignKeyWithoutAnIndexIsAWarningWithTheIndexToCreate() {
        var findings = migration()
                .up(statement(4, "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                        + "REFERENCES customers (id) NOT VALID", trace()))
                .aftermath(Phase.UP, new PhaseAftermath(List.of(),
                        List.of("orders_customer_fk on public.orders (customer_id)")))
                .findings("foreign-key-without-index");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.relation()).isEqualTo(ORDERS);
            assertThat(f.advice()).startsWith("CREATE INDEX CONCURRENTLY ON public.orders (customer_id)");
        });
        assertThat(migration().up(statement(4, "SELECT 1", trace())).findings("foreign-key-without-index")).isEmpty();
    }

    @Test
    void aConstraintLeftNotValidIsAnErrorUnlessDownLeftItAndAnAllowCommentDeclaresTheExpandStep() {
        var left = new PhaseAftermath(List.of(), List.of(), List.of("orders_total_positive on public.orders"), List.of());
        var findings = migration()
                .up(statement(3, "ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID",
                        trace()))
                .aftermath(Phase.UP, left)
                .findings("not-valid-constraint-left");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.relation()).isEqualTo(ORDERS);
            assertThat(f.advice()).startsWith("VALIDATE CONSTRAINT orders_total_positive");
        });
        assertThat(migration().phase(Phase.DOWN, true, statement(3, "ALTER TABLE orders ADD CONSTRAINT"
                        + " orders_total_positive CHECK (total >= 0) NOT VALID", trace()))
                .aftermath(Phase.DOWN, left).findings("not-valid-constraint-left")).isEmpty();
    }

    @Test
    void aSequenceLeftBehindItsColumnIsAnErrorWithTheSetvalToRun() {
        var findings = migration()
                .up(statement(2, "INSERT INTO orders (id) VALUES (500)", trace()))
                .aftermath(Phase.UP, new PhaseAftermath(List.of(), List.of(), List.of(),
                        List.of("public.orders_id_seq at 10 < max(public.orders.id) 500")))
                .findings("sequence-behind-column");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.relation()).isEqualTo("public.orders_id_seq");
            assertThat(f.message()).isEqualTo("V7 UP left sequence public.orders_id_seq behind its column: at 10 <"
                    + " max(public.orders.id) 500; the next INSERT that takes its default collides with an existing"
                    + " row, in this migration and in every later one until the sequence is moved");
            assertThat(f.advice()).startsWith("Move the sequence past the data in the same migration: SELECT"
                    + " setval('public.orders_id_seq'");
        });
    }

    @Test
    void aSequenceADownLeftBehindIsTheDownsFindingAndNamesIt() {
        var findings = migration()
                .up(statement(2, "DROP TABLE orders", trace()))
                .phase(Phase.DOWN, true, statement(1, "INSERT INTO orders SELECT * FROM orders_archive", trace()))
                .aftermath(Phase.DOWN, new PhaseAftermath(List.of(), List.of(), List.of(),
                        List.of("public.orders_id_seq at 0 < max(public.orders.id) 500")))
                .findings("sequence-behind-column");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.phase()).isEqualTo(Phase.DOWN);
            assertThat(f.file()).isEqualTo(Cycles.DOWN_FILE);
            assertThat(f.message()).startsWith("V7 down left sequence public.orders_id_seq behind its column: at 0 <");
        });
    }

    @Test
    void anOldQueryThatTheUpBrokeIsAnErrorNamingTheQueryAndThePostgresError() {
        String failure = "user_by_id (app-v1.sql:12): ERROR 42703: column \"full_name\" does not exist";
        var findings = migration()
                .up(statement(1, "ALTER TABLE users RENAME COLUMN full_name TO display_name", trace()))
                .aftermath(Phase.UP, new PhaseAftermath(List.of(), List.of(), List.of(), List.of(), List.of(failure)))
                .findings("old-code-query-fails");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains(failure).contains("worked before UP and fails after it");
            assertThat(f.advice()).startsWith("Expand-contract");
        });
        assertThat(migration().up(statement(1, "SELECT 1", trace())).aftermath(Phase.UP, PhaseAftermath.NONE)
                .findings("old-code-query-fails")).isEmpty();
    }
}
