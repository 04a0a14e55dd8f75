package dev.migratest.report;

/** What made a migration's verdict FAILED. */
public enum FailureKind {
    /** A statement of UP, DOWN or the second UP failed; the reason names the phase, file, line and SQLSTATE. */
    PHASE_ERROR,
    /** DOWN did not restore the schema before UP, or the second UP did not reproduce the first one's schema. */
    SCHEMA_DIFF,
    /** DOWN did not give the data back without declaring the loss, or the second UP did not reproduce the first's. */
    DATA_DIFF,
    /** A declared invariant query answered otherwise after a phase than before UP. */
    INVARIANTS,
    /**
     * The rehearsal could not run to its end although no statement of the migration failed: the data could not be
     * loaded, Postgres failed between the phases, or the lock-queue check's own DOWN or UP failed.
     */
    REHEARSAL_ERROR,
    /** Counting findings at the class's {@code failOn} severity or worse. */
    FINDINGS,
    /** An assertion of the test method failed. */
    ASSERTION,
    /** The test method threw something other than a failed assertion. */
    TEST_ERROR
}
