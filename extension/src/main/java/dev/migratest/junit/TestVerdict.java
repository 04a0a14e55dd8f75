package dev.migratest.junit;

import dev.migratest.report.FailureKind;
import dev.migratest.report.FailureReason;
import dev.migratest.report.Verdict;
import dev.migratest.postgres.ServerAddress;
import dev.migratest.runner.Outcome;
import org.opentest4j.TestAbortedException;

import java.util.Optional;

/**
 * A migration's verdict once its test method has run: the rehearsal's verdict when that already failed or skipped
 * the test (the body did not run, and what was thrown is migratest's own), else what the body did — a failed
 * assertion or another exception fails the migration with its message, an assumption that did not hold skips it.
 * Messages come from the user's code, which may quote a URL: passwords are masked before any report sees them.
 */
final class TestVerdict {

    private TestVerdict() {
    }

    static Verdict of(Verdict beforeBody, String testMethod, Optional<Throwable> thrown) {
        if (beforeBody.status() != Outcome.PASSED || thrown.isEmpty()) return beforeBody;
        Throwable t = thrown.get();
        if (isAssumption(t)) return Verdict.skipped(testMethod + "(): " + messageOf(t));
        if (t instanceof AssertionError) {
            return Verdict.failed(FailureReason.inTest(FailureKind.ASSERTION, testMethod, messageOf(t)));
        }
        return Verdict.failed(FailureReason.inTest(FailureKind.TEST_ERROR, testMethod,
                t.getClass().getName() + (t.getMessage() == null ? "" : ": " + ServerAddress.mask(t.getMessage()))));
    }

    /**
     * What Jupiter reports as aborted: its own assumptions, and JUnit 4's, which AssertJ's {@code assumeThat} throws
     * whenever junit:junit is on the class path (Testcontainers 1.x brings it). Matched by name: JUnit 4 is not a
     * dependency of migratest.
     */
    private static boolean isAssumption(Throwable t) {
        if (t instanceof TestAbortedException) return true;
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.junit.internal.AssumptionViolatedException")) return true;
        }
        return false;
    }

    /** An exception without a message still says what it is; a password in it is masked. */
    private static String messageOf(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName()
                : ServerAddress.mask(t.getMessage());
    }
}
