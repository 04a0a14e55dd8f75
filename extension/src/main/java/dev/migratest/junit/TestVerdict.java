package dev.migratest.junit;

import dev.migratest.report.FailureKind;
import dev.migratest.report.FailureReason;
import dev.migratest.report.Verdict;
import dev.migratest.runner.Outcome;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * A migration's verdict once its test method has run: the rehearsal's verdict when that already failed or skipped
 * the test (the body did not run, and what was thrown is migratest's own), else what the body did — a failed
 * assertion or another exception fails the migration with its message, an assumption that did not hold skips it.
 */
final class TestVerdict {

    private TestVerdict() {
    }

    static Verdict of(Verdict beforeBody, String testMethod, Optional<Throwable> thrown) {
        if (beforeBody.status() != Outcome.PASSED || thrown.isEmpty()) return beforeBody;
        Throwable t = thrown.get();
        if (t instanceof TestAbortedException) return Verdict.skipped(testMethod + "(): " + messageOf(t));
        if (t instanceof AssertionError) {
            return Verdict.failed(FailureReason.inTest(FailureKind.ASSERTION, testMethod, messageOf(t)));
        }
        return Verdict.failed(FailureReason.inTest(FailureKind.TEST_ERROR, testMethod,
                t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage())));
    }

    /** An exception without a message still says what it is. */
    private static String messageOf(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName() : t.getMessage();
    }
}
