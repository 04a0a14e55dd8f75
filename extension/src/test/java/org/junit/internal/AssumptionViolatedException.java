package org.junit.internal;

/**
 * Stands in for JUnit 4's class of the same name, which AssertJ's {@code assumeThat} throws where junit:junit is on
 * the class path: TestVerdictTest checks that migratest recognises it by name without depending on JUnit 4.
 */
public class AssumptionViolatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AssumptionViolatedException(String message) {
        super(message);
    }
}
