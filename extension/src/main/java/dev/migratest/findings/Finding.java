package dev.migratest.findings;

import dev.migratest.runner.Phase;

/**
 * One thing a rule saw in a rehearsal that would hurt in production.
 *
 * @param rule     the rule's id, e.g. {@code index-without-concurrently}
 * @param severity the severity the policy gives the rule
 * @param phase    the phase whose statement did it
 * @param line     the statement's line in {@code file}; 0 when the finding is about the phase as a whole
 * @param file     the phase's script, relative to the migrations location
 * @param relation the table (or index) concerned, schema-qualified; {@code null} when none is
 * @param message  what happened, with the measured facts (lock mode, hold time, rows, table)
 * @param advice   the safe way to get the same result
 * @param silenced the migration accepts this rule with a {@code -- migratest:allow} comment: kept for the report,
 *                 never counted
 */
public record Finding(String rule, Severity severity, Phase phase, int line, String file, String relation,
                      String message, String advice, boolean silenced) {

    /** Whether this finding should fail or warn: not silenced. */
    public boolean counts() {
        return !silenced;
    }
}
