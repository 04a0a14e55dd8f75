package dev.migratest.findings;

import dev.migratest.locks.PhaseAftermath;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one rehearsal's measurements into findings: every rule the policy leaves on, over every phase it applies to.
 * Reads results only; never runs SQL.
 */
public final class Findings {

    private Findings() {
    }

    /**
     * @param result    the rehearsal
     * @param policy    the severity of each rule ({@link FindingPolicy#defaults()} for the defaults)
     * @param aftermath catalog state after each phase; a missing phase means nothing was read for it
     * @return the findings sorted by phase, then line; silenced ones included and marked
     * @throws IllegalArgumentException when a {@code -- migratest:allow} comment names an unknown rule
     */
    /** The findings of a rehearsal, with the aftermath each traced phase recorded. */
    public static List<Finding> of(CycleResult result, FindingPolicy policy) {
        Map<Phase, PhaseAftermath> aftermath = new java.util.EnumMap<>(Phase.class);
        for (PhaseResult phase : result.phases()) {
            if (phase.aftermath() != null) aftermath.put(phase.phase(), phase.aftermath());
        }
        return of(result, policy, aftermath);
    }

    public static List<Finding> of(CycleResult result, FindingPolicy policy, Map<Phase, PhaseAftermath> aftermath) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(policy, "policy");
        Set<String> allowed = AllowComments.of(result.migration());
        List<Finding> found = new ArrayList<>();
        for (PhaseResult phase : result.phases()) {
            PhaseView view = new PhaseView(result, phase, aftermath == null ? null : aftermath.get(phase.phase()));
            for (Rule rule : Rules.ALL) {
                Severity severity = policy.severityOf(rule.id());
                if (severity == Severity.OFF || !rule.appliesTo(phase.phase())) continue;
                for (Detection detection : rule.inspect(view)) {
                    found.add(new Finding(rule.id(), severity, phase.phase(), detection.line(), phase.file(),
                            detection.relation(), detection.message(), detection.advice(),
                            allowed.contains(rule.id())
                                    || rule.alsoAllowedBy().stream().anyMatch(allowed::contains)));
                }
            }
        }
        return sorted(withoutRepeats(found));
    }

    /**
     * Once per phase, line and rule; and REUP only where it differs from UP, since it runs the same script again and
     * would repeat every UP finding.
     */
    private static List<Finding> withoutRepeats(List<Finding> found) {
        Set<List<Object>> seen = new HashSet<>();
        Set<List<Object>> inUp = new HashSet<>();
        for (Finding finding : found) {
            if (finding.phase() == Phase.UP) inUp.add(List.of(finding.rule(), finding.line(), String.valueOf(finding.relation())));
        }
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : found) {
            boolean repeatsUp = finding.phase() == Phase.REUP
                    && inUp.contains(List.of(finding.rule(), finding.line(), String.valueOf(finding.relation())));
            if (!repeatsUp && seen.add(List.of(finding.phase(), finding.line(), finding.rule()))) {
                kept.add(finding);
            }
        }
        return kept;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        findings.sort(Comparator.comparing(Finding::phase).thenComparingInt(Finding::line)
                .thenComparing(f -> Rules.IDS.indexOf(f.rule())));
        return List.copyOf(findings);
    }
}
