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

class FindingPolicyTest {

    private static final Cycles.Trace SHARE_ON_ORDERS = trace(lock(table("public.orders"), SHARE, 40));

    @Test
    void anOverrideChangesTheSeverityAndOffSwitchesTheRuleOff() {
        assertThat(migration().policy("index-without-concurrently=WARNING")
                .up(statement(1, "CREATE INDEX i ON orders (a)", SHARE_ON_ORDERS))
                .findings("index-without-concurrently")).extracting(Finding::severity).containsExactly(Severity.WARNING);
        assertThat(migration().policy(" index-without-concurrently = off ")
                .up(statement(1, "CREATE INDEX i ON orders (a)", SHARE_ON_ORDERS))
                .findings("index-without-concurrently")).isEmpty();
        assertThat(FindingPolicy.parse("table-rewrite=INFO, breaking-drop-or-rename=OFF").overrides())
                .containsEntry("table-rewrite", Severity.INFO).containsEntry("breaking-drop-or-rename", Severity.OFF);
        assertThat(FindingPolicy.defaults().severityOf("lock-timeout-missing")).isEqualTo(Severity.WARNING);
    }

    @Test
    void everyBadEntryIsReportedAtOnceWithTheAllowedIdsSeveritiesAndTheFix() {
        assertThatThrownBy(() -> FindingPolicy.of("index-without-concurency=WARNING", "table-rewrite=LOUD",
                "lock-timeout-missing", "table-rewrite=INFO", "table-rewrite=ERROR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("4 bad finding severity entries:")
                .hasMessageContaining("\"index-without-concurency=WARNING\": unknown rule id \"index-without-concurency\"")
                .hasMessageContaining("\"table-rewrite=LOUD\": unknown severity \"LOUD\"")
                .hasMessageContaining("\"lock-timeout-missing\": no '='")
                .hasMessageContaining("\"table-rewrite=ERROR\": table-rewrite was already set to INFO")
                .hasMessageContaining("Rule ids: access-exclusive-held-across-statements, table-rewrite,")
                .hasMessageContaining("Severities: ERROR, WARNING, INFO, OFF")
                .hasMessageContaining("Fix: write each entry as <rule-id>=<SEVERITY>");
    }

    @Test
    void theRuleIdsAreTheDocumentedOnes() {
        assertThat(FindingPolicy.ruleIds()).containsExactly(
                "access-exclusive-held-across-statements", "table-rewrite", "truncate-table", "index-without-concurrently",
                "constraint-validated-on-add", "set-not-null-scans", "not-null-column-without-default",
                "volatile-default", "type-change-rewrite", "lock-timeout-missing", "whole-table-backfill",
                "ddl-and-dml-in-one-transaction", "index-left-invalid", "foreign-key-without-index",
                "not-valid-constraint-left", "sequence-behind-column", "old-code-query-fails", "breaking-drop-or-rename");
    }
}
