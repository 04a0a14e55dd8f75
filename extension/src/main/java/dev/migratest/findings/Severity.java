package dev.migratest.findings;

/** How much a finding matters; {@link #OFF} switches a rule off. */
public enum Severity {
    ERROR, WARNING, INFO, OFF
}
