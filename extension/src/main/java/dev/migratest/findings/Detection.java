package dev.migratest.findings;

/**
 * What a rule reports about one statement (or one phase); {@link Findings} adds the rule, severity, phase, file and
 * silencing, which are no rule's business.
 */
record Detection(int line, String relation, String message, String advice) {
}
