package dev.migratest.findings;

import static dev.migratest.findings.Cycles.index;
import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.newTable;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.findings.Cycles.updated;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static dev.migratest.locks.LockMode.ROW_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE;
import static dev.migratest.locks.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;

class LockRulesTest {

    private static final String ORDERS = "public.orders";

    @Test
    void createIndexWithoutConcurrentlyReportsTheShareLockItsHoldTimeAndTheBlockedWrites() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(3, "CREATE INDEX orders_total ON orders (total)",
                        trace(lock(table(ORDERS), SHARE, 412)).blockedWritesOn(ORDERS)))
                .findings("index-without-concurrently");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.phase()).isEqualTo(Phase.UP);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.file()).isEqualTo(Cycles.UP_FILE);
            assertThat(f.relation()).isEqualTo(ORDERS);
            assertThat(f.message()).isEqualTo("V7 line 3: CREATE INDEX took ShareLock on public.orders (50 000 rows) "
                    + "for 412 ms; writes to public.orders were blocked");
            assertThat(f.advice()).contains("CREATE INDEX CONCURRENTLY");
            assertThat(f.counts()).isTrue();
        });
    }

    @Test
    void createIndexConcurrentlyOrOnANewTableIsSilent() {
        assertThat(migration()
                .phase(Phase.UP, false, statement(3, "CREATE INDEX CONCURRENTLY orders_total ON orders (total)",
                        trace(lock(table(ORDERS), SHARE_UPDATE_EXCLUSIVE, 412))))
                .findings("index-without-concurrently")).isEmpty();
        assertThat(migration()
                .up(statement(1, "CREATE TABLE invoices (id int)", trace(lock(newTable("public.invoices"),
                        ACCESS_EXCLUSIVE, 3))),
                        statement(2, "CREATE INDEX invoices_id ON invoices (id)",
                                trace(lock(newTable("public.invoices"), SHARE, 2))))
                .findings("index-without-concurrently")).isEmpty();
    }

    @Test
    void accessExclusiveHeldWhileFurtherStatementsRunIsReportedWithTheFollowingLines() {
        var findings = migration()
                .up(statement(1, "SET lock_timeout = '2s'", trace()),
                        statement(3, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 812))),
                        statement(5, "UPDATE customers SET vip = true WHERE spent > 1000", trace()),
                        statement(9, "COMMENT ON COLUMN orders.note IS 'free text'", trace()),
                        statement(11, "INSERT INTO audit VALUES (1)", trace()))
                .findings("access-exclusive-held-across-statements");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).isEqualTo("V7 line 3: ALTER TABLE took AccessExclusiveLock on public.orders and "
                    + "held it 812 ms until COMMIT while lines 5, 11 ran; every read and write of public.orders "
                    + "waited meanwhile");
            assertThat(f.advice()).contains("one lock-taking DDL statement per migration");
        });
    }

    @Test
    void accessExclusiveAsTheLastRealStatementOrInAutocommitOrOnANewTableIsSilent() {
        assertThat(migration()
                .up(statement(3, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2))),
                        statement(4, "COMMENT ON COLUMN orders.note IS 'x'", trace()))
                .findings("access-exclusive-held-across-statements")).isEmpty();
        assertThat(migration()
                .phase(Phase.UP, false, statement(3, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2))),
                        statement(4, "CREATE INDEX CONCURRENTLY o ON orders (note)", trace()))
                .findings("access-exclusive-held-across-statements")).isEmpty();
        assertThat(migration()
                .up(statement(1, "CREATE TABLE invoices (id int)",
                                trace(lock(newTable("public.invoices"), ACCESS_EXCLUSIVE, 30))),
                        statement(2, "INSERT INTO invoices VALUES (1)", trace()))
                .findings("access-exclusive-held-across-statements")).isEmpty();
    }

    @Test
    void aDangerousLockWithoutLockTimeoutIsAWarning() {
        var findings = migration()
                .up(statement(3, "ALTER TABLE orders ADD COLUMN note text",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2)).noLockTimeout()))
                .findings("lock-timeout-missing");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("V7 line 3: ALTER TABLE took AccessExclusiveLock on public.orders "
                    + "with lock_timeout = 0");
            assertThat(f.advice()).contains("SET lock_timeout = '2s'");
        });
    }

    @Test
    void lockTimeoutIsNotMissingWhenSetOrWhenOnlyWeakLocksOrNewObjectsWereTaken() {
        assertThat(migration()
                .up(statement(3, "ALTER TABLE orders ADD COLUMN note text",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2))))
                .findings("lock-timeout-missing")).isEmpty();
        assertThat(migration()
                .up(statement(3, "UPDATE orders SET note = ''",
                                trace(lock(table(ORDERS), ROW_EXCLUSIVE, 2)).noLockTimeout()),
                        statement(4, "CREATE TABLE t (id int)",
                                trace(lock(newTable("public.t"), ACCESS_EXCLUSIVE, 2)).noLockTimeout()))
                .findings("lock-timeout-missing")).isEmpty();
    }

    @Test
    void ddlAndALargeDataChangeOfTheSameTableInOneTransactionIsAWarning() {
        var findings = migration().rows(ORDERS, 5_000)
                .up(statement(3, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 900))),
                        statement(4, "UPDATE orders SET note = 'n/a' WHERE id < 3000",
                                trace(lock(table(ORDERS), ROW_EXCLUSIVE, 800)).activity(updated(ORDERS, 2_999))))
                .findings("ddl-and-dml-in-one-transaction");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).isEqualTo("V7 line 3: ALTER TABLE took AccessExclusiveLock on public.orders "
                    + "(held 900 ms) in the same transaction in which line 4 changed 2 999 of its rows");
        });
    }

    @Test
    void ddlWithASmallDataChangeOrInAutocommitIsSilent() {
        assertThat(migration()
                .up(statement(3, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 900))),
                        statement(4, "UPDATE orders SET note = 'n/a' WHERE id < 10",
                                trace().activity(updated(ORDERS, 9))))
                .findings("ddl-and-dml-in-one-transaction")).isEmpty();
        assertThat(migration()
                .phase(Phase.UP, false, statement(3, "DROP INDEX CONCURRENTLY orders_old",
                                trace(lock(index("public.orders_old", ORDERS), ACCESS_EXCLUSIVE, 1))),
                        statement(4, "UPDATE orders SET note = 'n/a'", trace().activity(updated(ORDERS, 5_000))))
                .findings("ddl-and-dml-in-one-transaction")).isEmpty();
    }
}
