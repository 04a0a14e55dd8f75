package dev.migratest.migration;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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
 * @param toolRefusal             {@code null} when the migration tool runs the script; otherwise why it refuses to,
 *                                in its own words (diesel stops at an up.sql or down.sql without a statement): the
 *                                rehearsal fails that phase the same way
 * @param unreplacedPlaceholders  Flyway placeholders of the script that had no value, as written ({@code ${schema}}):
 *                                a statement holding one that fails names it and where its value is given
 */
public record Script(String file, List<Statement> statements, String nonTransactionalReason,
                     List<AllowDirective> allowDirectives, String toolRefusal, List<String> unreplacedPlaceholders) {
    public Script {
        statements = List.copyOf(statements);
        allowDirectives = List.copyOf(allowDirectives);
        unreplacedPlaceholders = List.copyOf(unreplacedPlaceholders);
    }

    /** A script its tool runs. */
    public Script(String file, List<Statement> statements, String nonTransactionalReason,
                  List<AllowDirective> allowDirectives) {
        this(file, statements, nonTransactionalReason, allowDirectives, null, List.of());
    }

    /** A script without {@code -- migratest:allow} comments. */
    public Script(String file, List<Statement> statements, String nonTransactionalReason) {
        this(file, statements, nonTransactionalReason, List.of());
    }

    /**
     * What to tell about a failed statement of this script that holds Flyway placeholders without a value: their
     * names and where their values are given; {@code null} when {@code sql} holds none.
     */
    public String placeholderHint(String sql) {
        List<String> held = unreplacedPlaceholders.stream().filter(sql::contains).toList();
        if (held.isEmpty()) return null;
        StringBuilder hint = new StringBuilder("the statement holds ").append(String.join(" and ", held))
                .append(held.size() == 1 ? ", a Flyway placeholder" : ", Flyway placeholders")
                .append(" without a value (Flyway itself stops at it: \"No value provided for placeholder: ")
                .append(held.get(0)).append("\")");
        for (String placeholder : held) {
            hint.append("; for ").append(placeholder).append(' ').append(FlywayConfig.whereToGive(placeholder));
        }
        return hint.toString();
    }

    /** The same script, refused by its tool for {@code reason}. */
    Script refusedBecause(String reason) {
        return new Script(file, statements, nonTransactionalReason, allowDirectives, reason, unreplacedPlaceholders);
    }

    /** The same script, with the Flyway placeholders it holds that had no value. */
    Script withUnreplaced(List<String> placeholders) {
        return new Script(file, statements, nonTransactionalReason, allowDirectives, toolRefusal, placeholders);
    }

    /**
     * Whether running the script changes nothing: it holds no statement, or only its own BEGIN/COMMIT (which the
     * runner does not send). Kept no-op migrations are common after squashes; the reports mark them.
     */
    public boolean noOp() {
        return statements.stream().allMatch(statement -> statement.kind() == StatementKind.TRANSACTION_CONTROL);
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
}
