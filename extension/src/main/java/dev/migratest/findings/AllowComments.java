package dev.migratest.findings;

import dev.migratest.migration.AllowDirective;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a migration silences with {@code -- migratest:allow <rule-id>, … [— reason]} comments in its up or down
 * script. A comment speaks for the whole migration: the finding it answers may come from either phase. An id that no
 * rule has would silently silence nothing, so it is an error, reported with every other bad id at once.
 */
public final class AllowComments {

    private AllowComments() {
    }

    /**
     * @return the ids the migration's comments name
     * @throws IllegalArgumentException naming file, line and comment of each unknown id, and the ids that exist
     */
    public static Set<String> of(Migration migration) {
        List<AllowDirective> directives = new ArrayList<>();
        for (Script script : new Script[] {migration.up(), migration.down()}) {
            if (script != null) directives.addAll(script.allowDirectives());
        }
        Set<String> allowed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (AllowDirective directive : directives) {
            String where = directive.file() + " line " + directive.line() + " (" + directive.written() + ")";
            if (directive.ruleIds().isEmpty()) {
                problems.add(where + ": names no rule");
            }
            for (String id : directive.ruleIds()) {
                // data-loss is no finding rule: it declares a migration irreversible for the data check
                if (Rules.BY_ID.containsKey(id) || id.equals(dev.migratest.runner.DataCheck.DATA_LOSS)) {
                    allowed.add(id);
                } else {
                    problems.add(where + ": \"" + id + "\" is not a rule id");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Migration " + migration.displayName() + " has "
                    + (problems.size() == 1 ? "a bad -- migratest:allow comment" : problems.size()
                    + " problems in its -- migratest:allow comments") + ":\n  - " + String.join("\n  - ", problems)
                    + "\nRule ids: " + String.join(", ", Rules.IDS) + ", and data-loss (the migration cannot give"
                    + " data back by design)"
                    + "\nFix: write -- migratest:allow <rule-id>[, <rule-id>…] [— reason] with ids from the list, "
                    + "or delete the comment.");
        }
        return allowed;
    }
}
