package dev.migratest.junit;

import dev.migratest.report.FailureKind;
import dev.migratest.report.FailureReason;
import dev.migratest.report.Verdict;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestVerdictTest {

    @Test
    void aFailedAssertionInTheBodyFailsAPassedRehearsalWithItsMessage() {
        Verdict verdict = TestVerdict.of(Verdict.passed(), "rehearse",
                Optional.of(new AssertionFailedError("Expecting UP to block no application writes")));

        assertThat(verdict.status()).isEqualTo(Outcome.FAILED);
        FailureReason reason = verdict.failedBecause().get(0);
        assertThat(reason.kind()).isEqualTo(FailureKind.ASSERTION);
        assertThat(reason.test()).isEqualTo("rehearse");
        assertThat(reason.message()).isEqualTo("Expecting UP to block no application writes");
    }

    @Test
    void anotherExceptionIsATestErrorNamingItsClass() {
        FailureReason reason = TestVerdict.of(Verdict.passed(), "rehearse",
                Optional.of(new IllegalStateException("no such table"))).failedBecause().get(0);

        assertThat(reason.kind()).isEqualTo(FailureKind.TEST_ERROR);
        assertThat(reason.message()).isEqualTo("java.lang.IllegalStateException: no such table");
    }

    @Test
    void anAssumptionThatDoesNotHoldSkipsTheMigration() {
        Verdict verdict = TestVerdict.of(Verdict.passed(), "onlyV3",
                Optional.of(new TestAbortedException("Assumption failed: assumption is not true")));

        assertThat(verdict).isEqualTo(Verdict.skipped("onlyV3(): Assumption failed: assumption is not true"));
    }

    @Test
    void aJUnit4AssumptionSkipsTooAsJupiterReportsIt() {
        class ThrownByAssertJ extends org.junit.internal.AssumptionViolatedException {
            private static final long serialVersionUID = 1L;

            ThrownByAssertJ() {
                super("got: <false>, expected: is <true>");
            }
        }

        assertThat(TestVerdict.of(Verdict.passed(), "onlyV3", Optional.of(new ThrownByAssertJ())))
                .isEqualTo(Verdict.skipped("onlyV3(): got: <false>, expected: is <true>"));
    }

    @Test
    void aPasswordQuotedByTheTestsOwnMessageIsMaskedBeforeAnyReport() {
        FailureReason assertion = TestVerdict.of(Verdict.passed(), "rehearse", Optional.of(new AssertionFailedError(
                "cannot reach jdbc:postgresql://db:5432/app?user=app&password=hunter2"))).failedBecause().get(0);
        FailureReason error = TestVerdict.of(Verdict.passed(), "rehearse", Optional.of(new IllegalStateException(
                "login failed for postgresql://app:hunter2@db/app"))).failedBecause().get(0);

        assertThat(assertion.message()).doesNotContain("hunter2").contains("password=***");
        assertThat(error.message()).doesNotContain("hunter2");
    }

    @Test
    void whenTheRehearsalAlreadyDecidedWhatWasThrownIsMigratestsOwn() {
        Verdict failed = Verdict.failed(new FailureReason(FailureKind.PHASE_ERROR,
                "1 a: UP failed at V1__a.sql:1: ERROR 42601: syntax error", null, Phase.UP, "V1__a.sql", 1, "42601",
                List.of(), List.of()));
        Verdict skipped = Verdict.skipped("forward-only");

        assertThat(TestVerdict.of(failed, "rehearse", Optional.of(new MigrationFailure("x")))).isSameAs(failed);
        assertThat(TestVerdict.of(skipped, "rehearse", Optional.of(new TestAbortedException("x")))).isSameAs(skipped);
        assertThat(TestVerdict.of(Verdict.passed(), "rehearse", Optional.empty())).isEqualTo(Verdict.passed());
    }
}
