package dev.migratest.findings;

import dev.migratest.runner.Phase;

import java.util.List;

/**
 * One check of a traced phase. A rule decides from what the trace measured (locks, rewrites, scans, rows); the SQL text
 * only tells it which kind of statement it is looking at.
 */
interface Rule {

    /** Stable id, used in reports, in the severity policy and in {@code -- migratest:allow} comments. */
    String id();

    Severity defaultSeverity();

    /** Most rules judge every phase; a down is allowed to drop what its up added. */
    default boolean appliesTo(Phase phase) {
        return true;
    }

    /**
     * Other {@code -- migratest:allow} ids that answer this rule's findings as well: a migration that declares its data
     * lost has accepted what a rule about losing rows would say.
     */
    default java.util.Set<String> alsoAllowedBy() {
        return java.util.Set.of();
    }

    List<Detection> inspect(PhaseView phase);
}
