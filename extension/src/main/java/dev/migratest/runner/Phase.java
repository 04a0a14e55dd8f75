package dev.migratest.runner;

/** The three runs of one migration's rehearsal. */
public enum Phase {
    UP, DOWN, REUP
}
