package dev.migratest.runner;

/** How one migration's rehearsal ended. */
public enum Outcome {
    PASSED, FAILED, SKIPPED
}
