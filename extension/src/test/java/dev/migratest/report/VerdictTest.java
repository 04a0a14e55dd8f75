package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VerdictTest {

    @Test
    void aFailedStatementIsAPhaseErrorThatSaysWhere() {
        ReportedMigration m = Rehearsals.failedWithHostileSql();

        Verdict verdict = Verdict.of(m.result(), m.findings(), Severity.ERROR);

        assertThat(verdict.status()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.failedBecause()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(FailureKind.PHASE_ERROR);
            assertThat(reason.phase()).isEqualTo(Phase.DOWN);
            assertThat(reason.file()).isEqualTo("U3__notes.sql");
            assertThat(reason.line()).isEqualTo(4);
            assertThat(reason.sqlState()).isEqualTo("42601");
            assertThat(reason.message()).isEqualTo(m.result().failure());
        });
        assertThat(verdict.explanation()).isEqualTo(m.result().failure());
    }

    @Test
    void aSchemaDifferenceCarriesItsLinesNotTheDataOnes() {
        ReportedMigration m = Rehearsals.downForgetsIndexAndData();

        FailureReason reason = Verdict.of(m.result(), m.findings(), Severity.ERROR).failedBecause().get(0);

        assertThat(reason.kind()).isEqualTo(FailureKind.SCHEMA_DIFF);
        assertThat(reason.phase()).isEqualTo(Phase.DOWN);
        assertThat(reason.file()).isEqualTo("U1.sql");
        assertThat(reason.differences()).containsExactlyElementsOf(m.result().downVsBefore());
        assertThat(reason.headline()).isEqualTo("4 email_index: DOWN did not restore the schema before UP: "
                + "index public.users_email_idx: unexpected (btree (email)) … and 2 more");
    }

    @Test
    void dataThatDownDidNotGiveBackIsADataDifferenceUnlessDeclared() {
        CycleResult lost = failedAtDown(new DataCheck(List.of("public.users: 5 000 rows → 4 990 rows"), List.of(), null));
        CycleResult declared = failedAtDown(new DataCheck(List.of("public.users: 5 000 rows → 4 990 rows"), List.of(),
                "the contract step drops them"));

        FailureReason lostReason = Verdict.of(lost, List.of(), Severity.ERROR).failedBecause().get(0);
        assertThat(lostReason.kind()).isEqualTo(FailureKind.DATA_DIFF);
        assertThat(lostReason.differences()).containsExactly("public.users: 5 000 rows → 4 990 rows");
        assertThat(lostReason.headline()).isEqualTo("5 shrink: DOWN did not give back the data UP received (U1.sql),"
                + " 1 difference: public.users: 5 000 rows → 4 990 rows");
        // a declared loss never fails the rehearsal, so what failed it here is something else
        assertThat(Verdict.of(declared, List.of(), Severity.ERROR).failedBecause().get(0).kind())
                .isEqualTo(FailureKind.REHEARSAL_ERROR);
    }

    @Test
    void brokenInvariantsAreTheirOwnKind() {
        CycleResult broken = failedAtDown(new DataCheck(List.of(), List.of(), null,
                List.of("SELECT count(*) FROM users: 5000 → 4990")));

        FailureReason reason = Verdict.of(broken, List.of(), Severity.ERROR).failedBecause().get(0);

        assertThat(reason.kind()).isEqualTo(FailureKind.INVARIANTS);
        assertThat(reason.differences()).containsExactly("SELECT count(*) FROM users: 5000 → 4990");
    }

    @Test
    void aRehearsalThatStoppedBetweenPhasesIsARehearsalError() {
        CycleResult stopped = new CycleResult(Rehearsals.migration("7", "x"), Outcome.FAILED, null,
                "7 x: the rehearsal stopped between its phases: 57P01: terminating connection", null, List.of(),
                List.of(), List.of());

        FailureReason reason = Verdict.of(stopped, List.of(), Severity.ERROR).failedBecause().get(0);

        assertThat(reason.kind()).isEqualTo(FailureKind.REHEARSAL_ERROR);
        assertThat(reason.phase()).isNull();
        assertThat(reason.headline()).isEqualTo("7 x: the rehearsal stopped between its phases: 57P01: terminating connection");
    }

    @Test
    void aPassedRehearsalFailsOnCountingFindingsAtFailOnOrWorse() {
        ReportedMigration m = Rehearsals.passedWithRewrite();

        Verdict atError = Verdict.of(m.result(), m.findings(), Severity.ERROR);

        assertThat(m.result().outcome()).isEqualTo(Outcome.PASSED);
        assertThat(atError.status()).isEqualTo(Outcome.FAILED);
        FailureReason reason = atError.failedBecause().get(0);
        assertThat(reason.kind()).isEqualTo(FailureKind.FINDINGS);
        assertThat(reason.findings()).extracting(Finding::rule).containsExactly("table-rewrite");
        assertThat(reason.message()).startsWith("2 users_id_bigint is reversible, but has 1 finding(s) at ERROR or worse:")
                .contains("fix: Add a new column", "-- migratest:allow <rule-id>");
        assertThat(reason.headline())
                .isEqualTo("failed on 1 finding: ERROR table-rewrite (UP V2__users_id_bigint.sql:2)");
        assertThat(Verdict.of(m.result(), m.findings(), Severity.WARNING).status()).isEqualTo(Outcome.FAILED);
        assertThat(Verdict.of(m.result(), m.findings(), Severity.OFF)).isEqualTo(Verdict.passed());
    }

    @Test
    void findingsBelowFailOnOrSilencedDoNotFail() {
        ReportedMigration m = Rehearsals.passedWithRewrite();
        Finding f = m.findings().get(0);
        Finding warning = new Finding(f.rule(), Severity.WARNING, f.phase(), f.line(), f.file(), f.relation(),
                f.message(), f.advice(), false);
        Finding silenced = new Finding(f.rule(), f.severity(), f.phase(), f.line(), f.file(), f.relation(),
                f.message(), f.advice(), true);

        assertThat(Verdict.of(m.result(), List.of(warning), Severity.ERROR)).isEqualTo(Verdict.passed());
        assertThat(Verdict.of(m.result(), List.of(silenced), Severity.INFO)).isEqualTo(Verdict.passed());
    }

    @Test
    void aSkippedRehearsalIsSkippedWithItsReason() {
        CycleResult skipped = new CycleResult(Rehearsals.migration("2", "b"), Outcome.SKIPPED,
                "forward-only: V2__b.sql has no down migration", null, null, List.of(), List.of(), List.of());

        Verdict verdict = Verdict.of(skipped, List.of(), Severity.ERROR);

        assertThat(verdict.status()).isEqualTo(Outcome.SKIPPED);
        assertThat(verdict.skippedBecause()).isEqualTo("forward-only: V2__b.sql has no down migration");
        assertThat(verdict.headline()).isEqualTo(verdict.skippedBecause());
    }

    @Test
    void aTestMethodsAssertionReadsInOneLineWithItsMethod() {
        FailureReason reason = FailureReason.inTest(FailureKind.ASSERTION, "rehearse",
                "\nExpecting UP of 2 add_plan\n  to block no application writes\nbut line 1 blocked writes");

        assertThat(reason.headline())
                .isEqualTo("rehearse(): Expecting UP of 2 add_plan to block no application writes"
                        + " but line 1 blocked writes");
        assertThat(FailureReason.inTest(FailureKind.ASSERTION, "r", "x".repeat(500)).headline())
                .hasSize("r(): ".length() + 240 + "…".length());
    }

    @Test
    void twoTestMethodsCombineWorstFirstWithEveryReason() {
        Verdict strict = Verdict.failed(FailureReason.inTest(FailureKind.ASSERTION, "strict", "blocked writes"));
        Verdict timing = Verdict.failed(FailureReason.inTest(FailureKind.ASSERTION, "timing", "took 3 s"));
        Verdict onlyV3 = Verdict.skipped("onlyV3(): Assumption failed");

        assertThat(strict.and(Verdict.passed())).isEqualTo(strict);
        assertThat(Verdict.passed().and(strict)).isEqualTo(strict);
        assertThat(strict.and(timing).failedBecause()).extracting(FailureReason::test).containsExactly("strict", "timing");
        assertThat(strict.and(strict)).isEqualTo(strict);
        // a method that skips the migrations it does not check takes nothing from one that checked them
        assertThat(onlyV3.and(Verdict.passed())).isEqualTo(Verdict.passed());
        assertThat(onlyV3.and(strict)).isEqualTo(strict);
        assertThat(onlyV3.and(Verdict.skipped("other(): no")).skippedBecause())
                .isEqualTo("onlyV3(): Assumption failed; other(): no");
    }

    @Test
    void aVerdictSaysWhyExactlyWhenItDidNotPass() {
        FailureReason reason = FailureReason.inTest(FailureKind.TEST_ERROR, "t", "boom");

        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(Outcome.FAILED, List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(Outcome.PASSED, List.of(reason), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(Outcome.SKIPPED, List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(Outcome.PASSED, List.of(), "why"));
        assertThatIllegalArgumentException().isThrownBy(() -> FailureReason.inTest(FailureKind.FINDINGS, "t", "x"));
    }

    /** DOWN ran and its result compared; only the data check differs. */
    private static CycleResult failedAtDown(DataCheck data) {
        return new CycleResult(Rehearsals.migration("5", "shrink"), Outcome.FAILED, null,
                "5 shrink: DOWN did not give back the data UP received (U1.sql), 1 difference:\n  public.users: 5 000 rows"
                        + " → 4 990 rows", Phase.DOWN,
                List.of(Rehearsals.phase(Phase.UP, 2, Rehearsals.plain(1, "DELETE FROM users WHERE id < 10", 0, 2)),
                        Rehearsals.phase(Phase.DOWN, 1, Rehearsals.plain(1, "SELECT 1", 0, 1))),
                List.of(), List.of(), Map.of(), null, data);
    }
}
