package dev.migratest.benchmarks.growth;

/** Whether a fit (or a prediction from it) deserves to be believed. The reason always travels with it as text. */
public enum Quality {
    GOOD,
    POOR
}
