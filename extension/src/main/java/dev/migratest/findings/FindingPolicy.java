package dev.migratest.findings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The severity each rule reports with: its default, unless an entry such as {@code index-without-concurrently=WARNING}
 * or {@code breaking-drop-or-rename=OFF} says otherwise. Bad entries are all reported at once, each with what was
 * wrong, and the message lists the rule ids and severities that exist.
 */
public final class FindingPolicy {

    private static final FindingPolicy DEFAULTS = new FindingPolicy(Map.of());

    private final Map<String, Severity> overrides;

    private FindingPolicy(Map<String, Severity> overrides) {
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** Every rule at its default severity. */
    public static FindingPolicy defaults() {
        return DEFAULTS;
    }

    /** @param entries {@code <rule-id>=<SEVERITY>} each; blank entries are ignored */
    public static FindingPolicy of(String... entries) {
        return of(Arrays.asList(entries));
    }

    /** One string of entries separated by commas, as a system property or annotation attribute holds them. */
    public static FindingPolicy parse(String commaSeparated) {
        return commaSeparated == null ? DEFAULTS : of(Arrays.asList(commaSeparated.split(",")));
    }

    /**
     * @param entries {@code <rule-id>=<SEVERITY>} each; blank entries are ignored
     * @throws IllegalArgumentException naming every bad entry, the allowed ids and severities, and the fix
     */
    public static FindingPolicy of(List<String> entries) {
        Map<String, Severity> overrides = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) continue;
            int equals = entry.indexOf('=');
            if (equals < 0) {
                problems.add("\"" + entry + "\": no '=' (expected <rule-id>=<SEVERITY>)");
                continue;
            }
            String id = entry.substring(0, equals).strip();
            String severityName = entry.substring(equals + 1).strip();
            boolean knownId = Rules.BY_ID.containsKey(id);
            Severity severity = severity(severityName);
            if (!knownId) problems.add("\"" + entry + "\": unknown rule id \"" + id + "\"");
            if (severity == null) problems.add("\"" + entry + "\": unknown severity \"" + severityName + "\"");
            if (!knownId || severity == null) continue;
            Severity earlier = overrides.put(id, severity);
            if (earlier != null && earlier != severity) {
                problems.add("\"" + entry + "\": " + id + " was already set to " + earlier);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() + " bad finding severity "
                    + (problems.size() == 1 ? "entry" : "entries") + ":\n  - " + String.join("\n  - ", problems)
                    + "\nRule ids: " + String.join(", ", Rules.IDS)
                    + "\nSeverities: " + Arrays.stream(Severity.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + "\nFix: write each entry as <rule-id>=<SEVERITY>, e.g. index-without-concurrently=WARNING, "
                    + "or remove it to keep the rule's default.");
        }
        return new FindingPolicy(overrides);
    }

    /** @throws IllegalArgumentException for an id no rule has */
    public Severity severityOf(String ruleId) {
        Rule rule = Rules.BY_ID.get(ruleId);
        if (rule == null) {
            throw new IllegalArgumentException("unknown rule id \"" + ruleId + "\"; rule ids: "
                    + String.join(", ", Rules.IDS));
        }
        return overrides.getOrDefault(ruleId, rule.defaultSeverity());
    }

    /** The entries that differ from the defaults, as given. */
    public Map<String, Severity> overrides() {
        return overrides;
    }

    /** The id of every rule, in report order. */
    public static List<String> ruleIds() {
        return Rules.IDS;
    }

    private static Severity severity(String name) {
        try {
            return Severity.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return overrides.isEmpty() ? "FindingPolicy[defaults]" : "FindingPolicy" + overrides;
    }
}
