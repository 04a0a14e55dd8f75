package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.newTable;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RewriteRulesTest {

    private static final String ORDERS = "public.orders";

    @Test
    void aRewriteUnderAccessExclusiveIsReported() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(2, "ALTER TABLE orders SET LOGGED",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1_250)).rewrote(ORDERS, "toast of " + ORDERS)))
                .findings("table-rewrite");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "V7 line 2: ALTER TABLE rewrote public.orders (50 000 rows) under AccessExclusiveLock, held 1250 ms; "
                        + "reads and writes of public.orders waited for the whole copy"));
    }

    @Test
    void aRewriteOfANewTableOrOneThatTheTypeAndDefaultRulesExplainIsNotATableRewriteFinding() {
        assertThat(migration()
                .up(statement(2, "ALTER TABLE t SET LOGGED",
                        trace(lock(newTable("public.t"), ACCESS_EXCLUSIVE, 5)).rewrote("public.t")))
                .findings("table-rewrite")).isEmpty();
        assertThat(migration()
                .up(statement(2, "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 5)).rewrote(ORDERS)))
                .findings("table-rewrite")).isEmpty();
    }

    @Test
    void aVolatileDefaultThatRewroteTheTableIsReportedWithTheDefault() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(4, "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp() NOT NULL",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 640)).rewrote(ORDERS)))
                .findings();

        assertThat(findings).filteredOn(f -> f.rule().equals("volatile-default")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("V7 line 4: ADD COLUMN seen_at DEFAULT "
                        + "clock_timestamp() rewrote public.orders (50 000 rows) under AccessExclusiveLock, held 640 ms: "
                        + "the default is computed for every existing row"));
        assertThat(findings).extracting(Finding::rule).doesNotContain("table-rewrite",
                "not-null-column-without-default");
    }

    @Test
    void aStableDefaultThatDidNotRewriteIsSilent() {
        assertThat(migration()
                .up(statement(4, "ALTER TABLE orders ADD COLUMN seen_at timestamptz DEFAULT now()",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("volatile-default")).isEmpty();
    }

    @Test
    void aTypeChangeThatRewroteIsReportedWithExpandContractAdvice() {
        var findings = migration().rows(ORDERS, 10)
                .up(statement(2, "ALTER TABLE orders ALTER COLUMN id TYPE bigint",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 30)).rewrote(ORDERS, "public.orders_pkey")))
                .findings("type-change-rewrite");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 2: ALTER COLUMN id TYPE bigint rewrote public.orders (10 rows) "
                    + "and rebuilt its indexes under AccessExclusiveLock, held 30 ms");
            assertThat(f.advice()).startsWith("Expand-contract");
        });
    }

    @Test
    void aTypeChangeWithoutRewriteIsSilent() {
        assertThat(migration()
                .up(statement(2, "ALTER TABLE orders ALTER COLUMN note TYPE varchar(500)",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("type-change-rewrite")).isEmpty();
    }
}
