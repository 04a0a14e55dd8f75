package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a migration's test decided, and why: the one fact that its JUnit outcome, its console line, its JUnit report
 * entries and every report show. It differs from the rehearsal's {@link CycleResult#outcome() outcome}, which says
 * how up → down → up itself ended: a rehearsal that passed fails its test when findings reach {@code failOn} or when
 * the test method's own assertions fail.
 *
 * @param status         PASSED, FAILED or SKIPPED
 * @param failedBecause  every reason it failed (one per failing test method at most); empty unless FAILED
 * @param skippedBecause why it was skipped; {@code null} unless SKIPPED
 */
public record Verdict(Outcome status, List<FailureReason> failedBecause, String skippedBecause) {
    private static final Verdict PASSED = new Verdict(Outcome.PASSED, List.of(), null);

    public Verdict {
        Objects.requireNonNull(status, "status");
        failedBecause = List.copyOf(failedBecause);
        if ((status == Outcome.FAILED) == failedBecause.isEmpty()) {
            throw new IllegalArgumentException("a FAILED verdict needs its reasons, and only a FAILED one has any");
        }
        if ((status == Outcome.SKIPPED) == (skippedBecause == null)) {
            throw new IllegalArgumentException("a SKIPPED verdict needs its reason, and only a SKIPPED one has one");
        }
    }

    public static Verdict passed() {
        return PASSED;
    }

    public static Verdict failed(FailureReason reason) {
        return new Verdict(Outcome.FAILED, List.of(reason), null);
    }

    public static Verdict skipped(String why) {
        return new Verdict(Outcome.SKIPPED, List.of(), why);
    }

    /**
     * The verdict of a rehearsal before any test method body runs: its outcome when it failed or was skipped, else
     * FAILED when a counting finding reaches {@code failOn} ({@link Severity#OFF}: never), else PASSED.
     */
    public static Verdict of(CycleResult result, List<Finding> findings, Severity failOn) {
        switch (result.outcome()) {
            case FAILED:
                return failed(RehearsalFailure.reasonOf(result));
            case SKIPPED:
                return skipped(Objects.requireNonNullElse(result.skipReason(), "the rehearsal was skipped"));
            default:
                break;
        }
        if (failOn == Severity.OFF) return PASSED;
        List<Finding> failing = findings.stream()
                .filter(f -> f.counts() && f.severity().compareTo(failOn) <= 0).toList();
        return failing.isEmpty() ? PASSED
                : failed(FailureReason.ofFindings(result.migration().displayName(), failing, failOn));
    }

    /**
     * This verdict together with another test method's verdict of the same migration: FAILED when either failed
     * (with the reasons of both), else PASSED when either passed — a method that skips the migrations it does not
     * check takes nothing from one that checked them — else SKIPPED with both reasons.
     */
    public Verdict and(Verdict other) {
        if (status == Outcome.FAILED || other.status == Outcome.FAILED) {
            Set<FailureReason> reasons = new LinkedHashSet<>(failedBecause);
            reasons.addAll(other.failedBecause);
            return new Verdict(Outcome.FAILED, List.copyOf(reasons), null);
        }
        if (status == Outcome.PASSED) return this;
        if (other.status == Outcome.PASSED) return other;
        return skippedBecause.equals(other.skippedBecause) ? this
                : skipped(skippedBecause + "; " + other.skippedBecause);
    }

    /** Every reason in full, as the failing test reports it; empty unless FAILED. */
    public String explanation() {
        return failedBecause.stream().map(FailureReason::message).collect(Collectors.joining("\n"));
    }

    /** Why, in one line: the reasons' headlines, or the skip's reason; empty when it passed. */
    public String headline() {
        return switch (status) {
            case FAILED -> failedBecause.stream().map(FailureReason::headline).collect(Collectors.joining("; "));
            case SKIPPED -> skippedBecause;
            case PASSED -> "";
        };
    }
}
