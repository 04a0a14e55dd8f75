package dev.migratest.runner;

/** How one migration's rehearsal ended; the same three words name the verdict its test decides. */
public enum Outcome {
    PASSED, FAILED, SKIPPED
}
