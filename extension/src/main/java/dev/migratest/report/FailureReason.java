package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.runner.Phase;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One reason a migration's verdict is FAILED, with what the reader needs to find it: where (phase, file, line,
 * SQLSTATE), what differed, which findings or which test method.
 *
 * @param kind        what failed
 * @param message     the whole explanation, as the failing test reports it
 * @param test        the test method whose body failed ({@link FailureKind#ASSERTION}, {@link FailureKind#TEST_ERROR});
 *                    {@code null} otherwise
 * @param phase       the phase that failed or after which the difference showed; {@code null} when none did
 * @param file        the script of that phase (of the failing statement for a phase error); {@code null} when none
 * @param line        the failing statement's line ({@link FailureKind#PHASE_ERROR}); {@code null} otherwise
 * @param sqlState    Postgres' SQLSTATE of a phase error; {@code null} when Postgres gave none
 * @param differences the schema, data or invariant differences, one line each; empty for other kinds
 * @param findings    the counting findings at {@code failOn} or worse ({@link FailureKind#FINDINGS}); empty otherwise
 */
public record FailureReason(FailureKind kind, String message, String test, Phase phase, String file, Integer line,
                            String sqlState, List<String> differences, List<Finding> findings) {
    /** Findings named in a one-line headline before "and N more". */
    private static final int FINDINGS_NAMED = 3;
    /** A test's message in a headline is cut here: the full text is in {@link #message()}. */
    private static final int TEST_MESSAGE_CHARS = 240;

    public FailureReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        differences = List.copyOf(differences);
        findings = List.copyOf(findings);
    }

    /** Counting findings at {@code failOn} or worse, each with where it happened and its fix. */
    public static FailureReason ofFindings(String migration, List<Finding> failing, Severity failOn) {
        StringBuilder text = new StringBuilder(migration + " is reversible, but has " + failing.size()
                + " finding(s) at " + failOn + " or worse:");
        for (Finding f : failing) {
            text.append("\n  ").append(f.severity()).append(' ').append(f.rule()).append(" (").append(where(f))
                    .append("): ").append(f.message()).append("\n    fix: ").append(f.advice());
        }
        text.append("\nSilence one with a comment in the migration: -- migratest:allow <rule-id> — reason;"
                + " or change its severity with @MigrationTest(findings = \"<rule-id>=WARNING\").");
        return new FailureReason(FailureKind.FINDINGS, text.toString(), null, null, null, null, null, List.of(),
                failing);
    }

    /** The test method's body failed: {@link FailureKind#ASSERTION} or {@link FailureKind#TEST_ERROR}. */
    public static FailureReason inTest(FailureKind kind, String test, String message) {
        if (kind != FailureKind.ASSERTION && kind != FailureKind.TEST_ERROR) {
            throw new IllegalArgumentException(kind + " is not a failure of a test method's body");
        }
        return new FailureReason(kind, message, Objects.requireNonNull(test, "test"), null, null, null, null,
                List.of(), List.of());
    }

    /**
     * The reason in one line, as the console and the summary show it: the failure's first line (with the first
     * difference, for differences), the findings that failed it, or the test method with its message.
     */
    public String headline() {
        return switch (kind) {
            case FINDINGS -> "failed on " + findings.size() + (findings.size() == 1 ? " finding: " : " findings: ")
                    + findings.stream().limit(FINDINGS_NAMED).map(f -> f.severity() + " " + f.rule() + " (" + where(f)
                    + ")").collect(Collectors.joining(", "))
                    + (findings.size() > FINDINGS_NAMED ? ", and " + (findings.size() - FINDINGS_NAMED) + " more" : "");
            case ASSERTION, TEST_ERROR -> test + "(): " + cut(oneLine(message));
            case SCHEMA_DIFF, DATA_DIFF, INVARIANTS -> withFirstDifference(firstLine());
            default -> firstLine();
        };
    }

    private String firstLine() {
        return message.strip().lines().findFirst().orElse("").strip();
    }

    /** The differences follow the first line: the first of them is what a reader of one line needs to see. */
    private String withFirstDifference(String line) {
        if (differences.isEmpty()) return line;
        return line + (line.endsWith(":") ? " " : ": ") + differences.get(0)
                + (differences.size() > 1 ? " … and " + (differences.size() - 1) + " more" : "");
    }

    /** e.g. {@code UP V2__index.sql:2}; a finding about a phase as a whole has no line. */
    private static String where(Finding f) {
        return f.phase() + " " + f.file() + (f.line() > 0 ? ":" + f.line() : "");
    }

    /** AssertJ's messages start with a blank line and spread over several: one line keeps every word of them. */
    private static String oneLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String cut(String text) {
        return text.length() <= TEST_MESSAGE_CHARS ? text : Shorten.prefix(text, TEST_MESSAGE_CHARS) + "…";
    }
}
