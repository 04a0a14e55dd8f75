package dev.migratest.assertions;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import org.assertj.core.api.AbstractAssert;

import java.util.List;
import java.util.Optional;

/** AssertJ assertions on one migration's rehearsal. */
public final class CycleResultAssert extends AbstractAssert<CycleResultAssert, CycleResult> {

    private final List<Finding> findings;

    public CycleResultAssert(CycleResult actual) {
        this(actual, List.of());
    }

    /** {@code findings}: what the findings rules made of {@code actual}. */
    public CycleResultAssert(CycleResult actual, List<Finding> findings) {
        super(actual, CycleResultAssert.class);
        this.findings = List.copyOf(findings);
    }

    /** No finding that counts (not silenced) of {@code severity} or worse. */
    public CycleResultAssert hasNoFindings(Severity severity) {
        isNotNull();
        List<Finding> offenders = counting().stream().filter(f -> f.severity().compareTo(severity) <= 0).toList();
        if (!offenders.isEmpty()) {
            failWithMessage(FindingMessages.unexpected(actual, severity + " or worse", offenders));
        }
        return this;
    }

    /** No finding that counts, of any severity. */
    public CycleResultAssert hasNoFindings() {
        return hasNoFindings(Severity.INFO);
    }

    /** The findings that count name exactly these rules (in any phase, in any order). */
    public CycleResultAssert hasFindings(String... ruleIds) {
        isNotNull();
        java.util.Set<String> expected = new java.util.TreeSet<>(List.of(ruleIds));
        java.util.Set<String> found = new java.util.TreeSet<>();
        counting().forEach(f -> found.add(f.rule()));
        if (!found.equals(expected)) {
            failWithMessage(FindingMessages.ruleSet(actual, expected, found, counting()));
        }
        return this;
    }

    /** Among the findings that count, one of this rule. */
    public CycleResultAssert hasFinding(String ruleId) {
        isNotNull();
        if (counting().stream().noneMatch(f -> f.rule().equals(ruleId))) {
            failWithMessage(FindingMessages.missing(actual, ruleId, counting()));
        }
        return this;
    }

    private List<Finding> counting() {
        return findings.stream().filter(Finding::counts).toList();
    }

    /** The whole promise of a down: the cycle passed, DOWN restored the schema and the second UP matched the first. */
    public CycleResultAssert isReversible() {
        return passed().restoredTheSchema().reupMatchesUp();
    }

    public CycleResultAssert passed() {
        return hasOutcome(Outcome.PASSED);
    }

    public CycleResultAssert hasOutcome(Outcome expected) {
        isNotNull();
        if (actual.outcome() != expected) {
            failWithMessage(CycleMessages.outcome(actual, expected));
        }
        return this;
    }

    /** DOWN brought the schema back to what it was before UP. */
    public CycleResultAssert restoredTheSchema() {
        isNotNull();
        ranPhase(Phase.DOWN);
        if (!actual.downVsBefore().isEmpty()) {
            failWithMessage(CycleMessages.diff(actual, "DOWN to restore the schema before UP", actual.downVsBefore()));
        }
        return this;
    }

    /** DOWN gave back every row and value UP received, and the second UP left what the first did. */
    public CycleResultAssert preservesData() {
        isNotNull();
        if (actual.data() == null) {
            failWithMessage(CycleMessages.dataUnchecked(actual));
        } else if (actual.data().lostData()) {
            failWithMessage(CycleMessages.diff(actual, "DOWN to give back the data UP received"
                    + (actual.data().declaredLoss() == null ? "" : " (it declares it cannot: "
                    + actual.data().declaredLoss() + ")"), actual.data().lines()));
        }
        return this;
    }

    /** No query of the previous application version that worked before UP failed after it. */
    public CycleResultAssert keepsPreviousVersionWorking() {
        isNotNull();
        List<String> broken = actual.phases().stream().filter(p -> p.aftermath() != null)
                .flatMap(p -> p.aftermath().oldQueriesFailing().stream()).toList();
        if (!broken.isEmpty()) {
            failWithMessage(CycleMessages.diff(actual, "the previous application version's queries to keep working",
                    broken));
        }
        return this;
    }

    /** The second UP produced the same schema as the first. */
    public CycleResultAssert reupMatchesUp() {
        isNotNull();
        ranPhase(Phase.REUP);
        if (!actual.reupVsUp().isEmpty()) {
            failWithMessage(CycleMessages.diff(actual, "the second UP to match the first", actual.reupVsUp()));
        }
        return this;
    }

    public CycleResultAssert ranInOneTransaction(Phase phase) {
        PhaseResult p = ranPhase(phase);
        if (!p.transactional()) {
            failWithMessage(CycleMessages.transactional(actual, phase, true, p.nonTransactionalReason()));
        }
        return this;
    }

    public CycleResultAssert ranInAutocommit(Phase phase) {
        PhaseResult p = ranPhase(phase);
        if (p.transactional()) {
            failWithMessage(CycleMessages.transactional(actual, phase, false, null));
        }
        return this;
    }

    public CycleResultAssert ranStatements(Phase phase, int count) {
        PhaseResult p = ranPhase(phase);
        if (p.statements().size() != count) {
            failWithMessage(CycleMessages.statementCount(actual, phase, count, p.statements().size()));
        }
        return this;
    }

    /** Assertions on the lock trace of the first UP. */
    public PhaseAssert up() {
        return new PhaseAssert(actual, ranPhase(Phase.UP));
    }

    /** Assertions on the lock trace of DOWN. */
    public PhaseAssert down() {
        return new PhaseAssert(actual, ranPhase(Phase.DOWN));
    }

    /** Assertions on the lock trace of the second UP. */
    public PhaseAssert reup() {
        return new PhaseAssert(actual, ranPhase(Phase.REUP));
    }

    private PhaseResult ranPhase(Phase phase) {
        isNotNull();
        Optional<PhaseResult> p = actual.phase(phase);
        if (p.isEmpty()) {
            failWithMessage(CycleMessages.phaseMissing(actual, phase));
        }
        return p.orElseThrow();
    }
}
