package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;

class FindingsTest {

    @Test
    void reupReportsOnlyWhatDiffersFromUpAndDownIsJudgedToo() {
        var findings = migration()
                .up(statement(2, "CREATE INDEX i ON orders (a)", trace(lock(table("public.orders"), SHARE, 40))))
                .phase(Phase.DOWN, true, statement(1, "ALTER TABLE orders ALTER COLUMN a TYPE bigint",
                        trace(lock(table("public.orders"), ACCESS_EXCLUSIVE, 9)).rewrote("public.orders")))
                .phase(Phase.REUP, true,
                        statement(2, "CREATE INDEX i ON orders (a)", trace(lock(table("public.orders"), SHARE, 55))),
                        statement(3, "CREATE INDEX j ON customers (b)",
                                trace(lock(table("public.customers"), SHARE, 5))))
                .findings();

        assertThat(findings).extracting(Finding::phase, Finding::line, Finding::rule).containsExactly(
                tuple(Phase.UP, 2, "index-without-concurrently"),
                tuple(Phase.DOWN, 1, "type-change-rewrite"),
                tuple(Phase.REUP, 3, "index-without-concurrently"));
        assertThat(findings.get(1).file()).isEqualTo(Cycles.DOWN_FILE);
        // a DOWN finding's line is the down file's, which its message says: not V7 line 1 of the up file
        assertThat(findings.get(0).message()).startsWith("V7 line 2: ");
        assertThat(findings.get(1).message()).startsWith("V7 down line 1: ");
        assertThat(findings.get(2).message()).startsWith("V7 line 3: ");
    }

    @Test
    void aSafeMigrationHasNoFindingsAndAnUntracedOneCannotHaveAny() {
        assertThat(migration()
                .up(statement(1, "SET lock_timeout = '2s'", trace()),
                        statement(2, "ALTER TABLE orders ADD COLUMN note text",
                                trace(lock(table("public.orders"), ACCESS_EXCLUSIVE, 1))))
                .findings()).isEmpty();
        assertThat(migration()
                .up(statement(2, "CREATE INDEX i ON orders (a)", null))
                .findings()).isEmpty();
    }
}
