package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SilencingTest {

    @Test
    void anAllowCommentKeepsTheFindingButMarksItSilenced() {
        var findings = migration().allow(1, "index-without-concurrently")
                .up(statement(2, "CREATE INDEX i ON orders (a)",
                        trace(lock(table("public.orders"), SHARE, 40)).noLockTimeout()))
                .findings();

        assertThat(findings).filteredOn(f -> f.rule().equals("index-without-concurrently")).singleElement()
                .satisfies(f -> {
                    assertThat(f.silenced()).isTrue();
                    assertThat(f.counts()).isFalse();
                });
        assertThat(findings).filteredOn(f -> f.rule().equals("lock-timeout-missing")).singleElement()
                .satisfies(f -> assertThat(f.counts()).isTrue());
    }

    @Test
    void unknownIdsInAllowCommentsAreAllReportedWithFileLineAndTheAllowedIds() {
        assertThatThrownBy(() -> migration().allow(1, "index-without-concurency", "table-rewrite")
                .allow(4, "lock-timeout").up().findings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Migration 7 change_orders has 2 problems in its -- migratest:allow comments:")
                .hasMessageContaining("V7__change_orders.sql line 1 (-- migratest:allow index-without-concurency, "
                        + "table-rewrite): \"index-without-concurency\" is not a rule id")
                .hasMessageContaining("V7__change_orders.sql line 4 (-- migratest:allow lock-timeout): "
                        + "\"lock-timeout\" is not a rule id")
                .hasMessageContaining("Rule ids: access-exclusive-held-across-statements,")
                .hasMessageContaining("Fix: write -- migratest:allow <rule-id>");
    }
}
