package dev.migratest.assertions;

import dev.migratest.findings.Finding;
import dev.migratest.runner.CycleResult;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Failure messages of the findings assertions: each finding with its phase, line, rule, message and advice. */
final class FindingMessages {

    private FindingMessages() {
    }

    static String unexpected(CycleResult actual, String what, List<Finding> offenders) {
        return Format.escape("\nExpecting " + actual.migration().displayName() + " to have no findings of " + what
                + "\nbut found " + offenders.size() + ":" + list(offenders));
    }

    static String ruleSet(CycleResult actual, Set<String> expected, Set<String> found, List<Finding> all) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(expected);
        return Format.escape("\nExpecting " + actual.migration().displayName() + " to have findings of exactly " + expected
                + "\nbut it had " + found + (missing.isEmpty() ? "" : "\nmissing: " + missing)
                + (extra.isEmpty() ? "" : "\nunexpected: " + extra) + list(all));
    }

    static String missing(CycleResult actual, String rule, List<Finding> all) {
        return Format.escape("\nExpecting " + actual.migration().displayName() + " to have a finding of " + rule
                + "\nbut its findings were:" + (all.isEmpty() ? " none" : list(all)));
    }

    private static String list(List<Finding> findings) {
        StringBuilder s = new StringBuilder();
        for (Finding f : findings) {
            s.append("\n  ").append(f.severity()).append(' ').append(f.rule()).append(" (").append(f.phase())
                    .append(" line ").append(f.line()).append("): ").append(f.message());
        }
        return s.toString();
    }
}
