package dev.migratest.findings;

import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.newTable;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * New storage for a table is not always a copy: TRUNCATE empties it (its own rule, about the rows), REFRESH
 * MATERIALIZED VIEW runs a query again; VACUUM FULL and CLUSTER are the copies {@code table-rewrite} is about.
 */
class TruncateAndRewriteKindsTest {

    private static final String ORDERS = "public.orders";
    private static final String ITEMS = "public.order_items";

    @Test
    void truncatingAnExistingTableIsTruncateTableNotARewrite() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(3, "truncate orders",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 4.2)).rewrote(ORDERS, "toast of " + ORDERS)))
                .findings();

        assertThat(findings).extracting(Finding::rule).containsExactly("truncate-table");
        assertThat(findings.get(0)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.relation()).isEqualTo(ORDERS);
            assertThat(f.counts()).isTrue();
            assertThat(f.message()).isEqualTo("V7 line 3: TRUNCATE emptied public.orders (50 000 rows) under"
                    + " AccessExclusiveLock, held 4.2 ms: reads and writes of public.orders waited for it, and its"
                    + " rows are gone for good, no DOWN can give them back");
            assertThat(f.advice()).startsWith("To empty a table the application still uses, DELETE in batches")
                    .contains("-- migratest:allow data-loss — <why>");
        });
    }

    @Test
    void aCascadeNamesEveryTableItEmptied() {
        var findings = migration().rows(ORDERS, 100).rows(ITEMS, 300)
                .up(statement(1, "TRUNCATE orders CASCADE",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2), lock(table(ITEMS), ACCESS_EXCLUSIVE, 2))
                                .rewrote(ORDERS, ITEMS)))
                .findings("truncate-table");

        assertThat(findings).singleElement().extracting(Finding::message).asString()
                .startsWith("V7 line 1: TRUNCATE emptied public.orders (100 rows), public.order_items (300 rows) under")
                .contains("reads and writes of public.orders, public.order_items waited for it, and their rows");
    }

    @Test
    void aDeclaredDataLossAnswersTheTruncateFindingAndTheMessageSaysWhy() {
        var findings = migration().allowBecause("sessions are rebuilt at the next login", "data-loss")
                .up(statement(2, "TRUNCATE orders", trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 2)).rewrote(ORDERS)))
                .findings("truncate-table");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.counts()).isFalse();
            assertThat(f.message()).endsWith("no DOWN can give them back"
                    + " (declared data loss: sessions are rebuilt at the next login)");
        });
    }

    @Test
    void truncatingATableTheMigrationCreatedLosesNothing() {
        assertThat(migration()
                .up(statement(2, "TRUNCATE staging", trace(lock(newTable("public.staging"), ACCESS_EXCLUSIVE, 1))
                        .rewrote("public.staging")))
                .findings()).isEmpty();
        // DOWN empties what UP created: the table did not exist before the migration
        assertThat(migration()
                .up(statement(1, "CREATE TABLE staging (id int)", trace(lock(newTable("public.staging"), ACCESS_EXCLUSIVE, 1))))
                .phase(Phase.DOWN, true, statement(1, "TRUNCATE staging",
                        trace(lock(table("public.staging"), ACCESS_EXCLUSIVE, 1)).rewrote("public.staging")))
                .findings("truncate-table")).isEmpty();
    }

    @Test
    void aDownThatTruncatesATableThatWasThereBeforeUpIsReported() {
        var findings = migration()
                .up(statement(1, "INSERT INTO orders SELECT * FROM orders_import", trace()))
                .phase(Phase.DOWN, true, statement(1, "TRUNCATE orders",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1)).rewrote(ORDERS)))
                .findings("truncate-table");

        assertThat(findings).singleElement().extracting(Finding::phase, Finding::file)
                .containsExactly(Phase.DOWN, Cycles.DOWN_FILE);
    }

    @Test
    void vacuumFullAndClusterAreCopiesNamedByTheirCommandWithAdviceThatFits() {
        var vacuum = migration().rows(ORDERS, 50_000)
                .up(statement(1, "VACUUM (FULL, VERBOSE) orders",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 900)).rewrote(ORDERS)))
                .findings("table-rewrite");
        var cluster = migration().rows(ORDERS, 50_000)
                .up(statement(1, "cluster orders using orders_pkey",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 900)).rewrote(ORDERS)))
                .findings("table-rewrite");

        assertThat(vacuum).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 1: VACUUM FULL rewrote public.orders (50 000 rows) under"
                    + " AccessExclusiveLock, held 900 ms; reads and writes of public.orders waited for the whole copy");
            assertThat(f.advice()).startsWith("Space and row order need no migration: plain VACUUM");
        });
        assertThat(cluster).singleElement().extracting(Finding::message).asString()
                .startsWith("V7 line 1: CLUSTER rewrote public.orders (50 000 rows) under AccessExclusiveLock");
    }

    @Test
    void aBlockingRefreshOfAMaterializedViewIsARebuildFromItsQueryNotACopy() {
        var findings = migration()
                .up(statement(1, "REFRESH MATERIALIZED VIEW order_totals",
                        trace(lock(new dev.migratest.locks.LockedObject("public.order_totals",
                                dev.migratest.locks.ObjectKind.MATERIALIZED_VIEW, "public.order_totals", false),
                                ACCESS_EXCLUSIVE, 300)).rewrote("public.order_totals")))
                .findings("table-rewrite");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 1: REFRESH MATERIALIZED VIEW ran the query of"
                    + " public.order_totals again into new files under AccessExclusiveLock, held 300 ms; reads of"
                    + " public.order_totals waited for the whole refresh");
            assertThat(f.advice()).startsWith("REFRESH MATERIALIZED VIEW CONCURRENTLY");
        });
    }

    @Test
    void aStatementIsNamedByItsCommandNotByTheTableItActsOn() {
        assertThat(SqlText.of("truncate orders").verb()).isEqualTo("TRUNCATE");
        assertThat(SqlText.of("TRUNCATE TABLE orders").verb()).isEqualTo("TRUNCATE TABLE");
        assertThat(SqlText.of("update orders set a = 1").verb()).isEqualTo("UPDATE");
        assertThat(SqlText.of("ALTER TABLE orders SET LOGGED").verb()).isEqualTo("ALTER TABLE");
        assertThat(SqlText.of("refresh materialized view v").verb()).isEqualTo("REFRESH MATERIALIZED VIEW");
        assertThat(SqlText.of("VACUUM (FULL false) orders").verb()).isEqualTo("VACUUM");
        assertThat(SqlText.of("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)").verb()).isEqualTo("CREATE UNIQUE INDEX");
    }
}
