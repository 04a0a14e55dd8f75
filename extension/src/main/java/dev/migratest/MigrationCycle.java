package dev.migratest;

import dev.migratest.findings.Finding;
import dev.migratest.findings.FindingPolicy;
import dev.migratest.findings.Findings;
import dev.migratest.locks.LockQueueResult;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The measured rehearsal of one migration, handed to a {@link MigrationCycleTest} method: what each phase ran, how
 * long each statement took, and how the schema compared. Assert on it with {@link MigrationAssertions#assertThat}.
 */
public final class MigrationCycle {
    private final CycleResult result;
    private final List<Finding> findings;

    /** The rehearsal with its findings under the default severities. */
    public MigrationCycle(CycleResult result) {
        this(result, Findings.of(result, FindingPolicy.defaults()));
    }

    public MigrationCycle(CycleResult result, List<Finding> findings) {
        this.result = result;
        this.findings = List.copyOf(findings);
    }

    /** What the trace says about the migration's safety, silenced findings included (they never count). */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * Data differences: after DOWN against before UP, then after the second UP against the first; empty when the data
     * came back (or was not checked, see {@link #dataChecked()}).
     */
    public List<String> dataDiff() {
        return result.data() == null ? List.of() : result.data().lines();
    }

    public boolean dataChecked() {
        return result.data() != null;
    }

    /** The lock-queue check, when {@code @MigrationTest(lockQueueCheck = true)} ran one; {@code null} otherwise. */
    public LockQueueResult lockQueue() {
        return result.lockQueue();
    }

    public String version() {
        return result.migration().version();
    }

    public String name() {
        return result.migration().name();
    }

    public String displayName() {
        return result.migration().displayName();
    }

    public Outcome outcome() {
        return result.outcome();
    }

    /** The phases that ran, in order (UP, DOWN, REUP; fewer when one failed or the migration is forward-only). */
    public List<PhaseResult> phases() {
        return result.phases();
    }

    public PhaseResult phase(Phase phase) {
        return result.phase(phase).orElseThrow(() -> new NoSuchElementException(
                "phase " + phase + " did not run for " + displayName() + "; phases that ran: "
                        + result.phases().stream().map(p -> p.phase().name()).toList()));
    }

    public List<StatementResult> statements(Phase phase) {
        return phase(phase).statements();
    }

    /** Schema after DOWN against the schema before UP; empty when DOWN restored it. */
    public List<String> downVsBefore() {
        return result.downVsBefore();
    }

    /** Schema after the second UP against the schema after the first; empty when UP is repeatable. */
    public List<String> reupVsUp() {
        return result.reupVsUp();
    }

    /**
     * Catalog attributes that differed only by the time they were created — a {@code 'now'} or {@code 'today'} a view,
     * default or CHECK froze into a literal — one explanation each; they are not differences and fail nothing.
     */
    public List<String> schemaNotes() {
        return result.schemaNotes();
    }

    /** Rows present per table ({@code schema.table}) when the migration ran; empty when no data was loaded. */
    public Map<String, Long> rows() {
        return result.rows();
    }

    /** The full record, as the report sees it. */
    public CycleResult result() {
        return result;
    }

    @Override
    public String toString() {
        return displayName() + " " + outcome();
    }
}
