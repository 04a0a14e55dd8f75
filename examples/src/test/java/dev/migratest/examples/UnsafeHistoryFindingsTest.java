package dev.migratest.examples;

import dev.migratest.MigrationCycle;
import dev.migratest.MigrationCycleTest;
import dev.migratest.MigrationTest;
import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.runner.Phase;

import org.assertj.core.api.Assertions;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.migratest.MigrationAssertions.assertThat;

/**
 * A history that does everything the seeds warn against, one anti-pattern per migration (see
 * {@code db/unsafe/README.md}). Every migration is still reversible, so every cycle passes: the point is what the
 * trace finds. Setup migrations (V1–V6) create and fill the tables first, because locks on a table created in the same
 * migration are harmless and not reported; {@code audit_log} stays empty so that V19's NOT NULL column without a
 * default can succeed at all.
 */
// failOn = OFF: these findings are the point of the history; the assertions below check them exactly instead.
@MigrationTest(location = "classpath:db/unsafe", rows = 5000, tableRows = {"audit_log=0"}, failOn = Severity.OFF,
        previousVersionQueries = "classpath:db/unsafe-app-queries.sql")
class UnsafeHistoryFindingsTest {

    private static final String LOCK_TIMEOUT_MISSING = "lock-timeout-missing";

    /**
     * Migration version → the finding rule ids its UP is expected to produce, exactly. The setup migrations are done the
     * safe way (lock_timeout set, CONCURRENTLY) and expect none. {@code lock-timeout-missing} comes with every
     * anti-pattern that takes SHARE or a stronger lock on an existing table without {@code lock_timeout}; V10 shows it
     * alone. {@code index-left-invalid} has no migration: a CONCURRENTLY build that fails leaves an invalid index, but
     * a failed UP fails the cycle, so it cannot be shown in a history whose cycles pass.
     */
    static final Map<String, Set<String>> EXPECTED_FINDINGS = Map.ofEntries(
            Map.entry("1", Set.of()),
            Map.entry("2", Set.of()),
            Map.entry("3", Set.of()),
            Map.entry("4", Set.of()),
            Map.entry("5", Set.of()),
            Map.entry("6", Set.of()),
            Map.entry("10", Set.of(LOCK_TIMEOUT_MISSING)),
            Map.entry("11", Set.of("whole-table-backfill")),
            Map.entry("12", Set.of("ddl-and-dml-in-one-transaction", LOCK_TIMEOUT_MISSING)),
            Map.entry("13", Set.of("access-exclusive-held-across-statements", LOCK_TIMEOUT_MISSING)),
            Map.entry("14", Set.of("table-rewrite", LOCK_TIMEOUT_MISSING)),
            Map.entry("15", Set.of("index-without-concurrently", LOCK_TIMEOUT_MISSING)),
            Map.entry("16", Set.of("constraint-validated-on-add", LOCK_TIMEOUT_MISSING)),
            Map.entry("17", Set.of("constraint-validated-on-add", LOCK_TIMEOUT_MISSING)),
            Map.entry("18", Set.of("set-not-null-scans", LOCK_TIMEOUT_MISSING)),
            Map.entry("19", Set.of("not-null-column-without-default", LOCK_TIMEOUT_MISSING)),
            Map.entry("20", Set.of("volatile-default", LOCK_TIMEOUT_MISSING)),
            Map.entry("21", Set.of("type-change-rewrite", LOCK_TIMEOUT_MISSING)),
            Map.entry("22", Set.of("foreign-key-without-index", LOCK_TIMEOUT_MISSING, "not-valid-constraint-left")),
            Map.entry("23", Set.of("breaking-drop-or-rename", LOCK_TIMEOUT_MISSING, "old-code-query-fails")),
            Map.entry("24", Set.of("truncate-table", LOCK_TIMEOUT_MISSING)));

    @MigrationCycleTest
    void everyAntiPatternIsFound(MigrationCycle cycle) {
        // Every migration of the history has a prediction, so a new one cannot slip in unexamined.
        Assertions.assertThat(EXPECTED_FINDINGS).containsKey(cycle.version());
        assertThat(cycle).passed().restoredTheSchema().reupMatchesUp();
        Set<String> upRules = cycle.findings().stream().filter(f -> f.phase() == Phase.UP && f.counts())
                .map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        Assertions.assertThat(upRules).as("finding rules of UP of %s: %s", cycle.displayName(), cycle.findings())
                .containsExactlyInAnyOrderElementsOf(EXPECTED_FINDINGS.get(cycle.version()));
    }
}
