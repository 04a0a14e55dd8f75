package dev.migratest.migration;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One direction (up or down) of one migration.
 *
 * @param file                    path of the file relative to the migrations location, forward slashes
 * @param statements              the statements in file order, lines are lines of {@code file}
 * @param nonTransactionalReason  {@code null} when the script runs in one transaction; otherwise why it must run in
 *                                autocommit, e.g. {@code "-- +goose NO TRANSACTION (line 1)"} or
 *                                {@code "CREATE INDEX CONCURRENTLY cannot run in a transaction (line 4)"}
 * @param allowDirectives         the {@code -- migratest:allow …} comments of the script, in file order; comments are
 *                                not part of any statement, so this is where the findings read them
 * @param toolRun                 what the migration tool does with the script beyond transaction or not: why it runs
 *                                it in a transaction and the marker that would take a statement out of it, or its
 *                                refusal to run it
 */
public record Script(String file, List<Statement> statements, String nonTransactionalReason,
                     List<AllowDirective> allowDirectives, ToolRun toolRun) {
    public Script {
        statements = List.copyOf(statements);
        allowDirectives = List.copyOf(allowDirectives);
        Objects.requireNonNull(toolRun, "toolRun");
    }

    /** A script that no tool rule is modelled for. */
    public Script(String file, List<Statement> statements, String nonTransactionalReason,
                  List<AllowDirective> allowDirectives) {
        this(file, statements, nonTransactionalReason, allowDirectives, ToolRun.NONE);
    }

    /** A script without {@code -- migratest:allow} comments, that no tool rule is modelled for. */
    public Script(String file, List<Statement> statements, String nonTransactionalReason) {
        this(file, statements, nonTransactionalReason, List.of());
    }

    /** Every rule id named by the script's {@code -- migratest:allow} comments, as written. */
    public Set<String> allowedRules() {
        Set<String> ids = new LinkedHashSet<>();
        allowDirectives.forEach(directive -> ids.addAll(directive.ruleIds()));
        return Collections.unmodifiableSet(ids);
    }

    public boolean transactional() {
        return nonTransactionalReason == null;
    }

    /** Whether the tool refuses to run the script as written ({@link ToolRun#refusal()}). */
    public boolean refused() {
        return toolRun.refusal() != null;
    }
}
