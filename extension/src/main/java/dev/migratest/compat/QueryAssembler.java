package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;
import dev.migratest.migration.SqlFragments;
import dev.migratest.migration.Statement;
import dev.migratest.migration.StatementKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one statement of the file and its directives into an {@link OldQuery}, or into the problems that prevent it. */
final class QueryAssembler {
    private static final String PARAMS_SYNTAX = "-- params: followed by one SQL literal or expression per $n,"
            + " comma-separated, e.g. -- params: 'ann@example.org', 'Ann', 42";
    /**
     * Statements that would end, or escape, the transaction the check rolls back (or would clash with the check's own
     * savepoints and prepared statements). The splitter already knows BEGIN/COMMIT and the statements that refuse a
     * transaction block.
     */
    private static final Set<String> TRANSACTION_WORDS =
            Set.of("ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE", "EXECUTE", "DEALLOCATE", "DISCARD");
    private static final Pattern FIRST_WORD = Pattern.compile("^[A-Za-z_]+");

    private final String file;
    private final List<DefinitionProblem> problems;
    /** Failures are reported by name: a name used twice would make two queries indistinguishable. */
    private final Map<String, Integer> lineByName = new HashMap<>();

    QueryAssembler(String file, List<DefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The query, or {@code null} when it has problems (recorded). */
    OldQuery assemble(Statement statement, List<Directive> directives) {
        int before = problems.size();
        refuseTransactionControl(statement);
        String name = "line " + statement.line();
        Directive params = null;
        boolean prepareOnly = false;
        for (Directive directive : directives) {
            switch (directive.kind()) {
                case NAME -> {
                    if (once(statement, directive, directives)) name = name(directive);
                }
                case PARAMS -> {
                    if (once(statement, directive, directives)) params = directive;
                }
                case PREPARE_ONLY -> prepareOnly = true;
            }
        }
        Integer first = lineByName.putIfAbsent(name, statement.line());
        if (first != null) {
            problem(statement.line(), "-- name: " + name + ", already the name of the query at line " + first,
                    "a different name for each query", "rename one of them");
        }
        SortedSet<Integer> numbers = SqlFragments.parameterNumbers(statement.sql());
        List<String> values = params == null ? List.of() : values(params);
        checkParameters(statement, numbers, params, values, prepareOnly);
        return problems.size() > before ? null
                : new OldQuery(file, statement.line(), name, statement.sql(), values, prepareOnly);
    }

    private void refuseTransactionControl(Statement statement) {
        Matcher word = FIRST_WORD.matcher(statement.sql());
        String first = word.find() ? word.group().toUpperCase(Locale.ROOT) : "";
        if (statement.kind() != StatementKind.ORDINARY || TRANSACTION_WORDS.contains(first)) {
            problem(statement.line(), "a statement the check cannot run inside its rolled-back transaction: "
                            + excerpt(statement.sql()),
                    "queries the old code runs (SELECT, INSERT, UPDATE, DELETE, …), without transaction control",
                    "remove it: the check runs every query in a transaction of its own and rolls it back");
        }
    }

    /** Reports a second directive of the same kind for one query; the first one counts. */
    private boolean once(Statement statement, Directive directive, List<Directive> all) {
        Directive first = all.stream().filter(d -> d.kind() == directive.kind()).findFirst().orElseThrow();
        if (first != directive) {
            problem(directive.line(), "a second " + directive.kind().written + " for the query at line "
                    + statement.line() + " (the first is at line " + first.line() + ")",
                    "one " + directive.kind().written + " per query", "keep one of them (queries are separated by"
                            + " semicolons, not by blank lines: is a ; missing?)");
            return false;
        }
        return true;
    }

    private String name(Directive directive) {
        if (directive.value().isEmpty()) {
            problem(directive.line(), "-- name: without a name", "-- name: followed by a name, e.g. -- name: insert_user",
                    "write the name after the colon, or remove the comment (the query is then named by its line)");
        }
        return directive.value();
    }

    private List<String> values(Directive params) {
        List<DefinitionProblem> found = new ArrayList<>();
        List<String> values = SqlFragments.splitList(file, params.value(), params.line(), found);
        for (DefinitionProblem p : found) {
            problem(params.line(), "-- params: " + params.value() + " with " + p.found(), PARAMS_SYNTAX, p.fix());
        }
        if (found.isEmpty() && (values.isEmpty() || values.contains(""))) {
            problem(params.line(), "-- params: " + params.value() + (values.isEmpty() ? " without values"
                    : " with an empty value"), PARAMS_SYNTAX, "write one value between each pair of commas"
                    + " (NULL for a null)");
        }
        return values;
    }

    private void checkParameters(Statement statement, SortedSet<Integer> numbers, Directive params,
                                 List<String> values, boolean prepareOnly) {
        if (params != null && prepareOnly) {
            problem(params.line(), "both -- params: and -- prepare-only", "one of them",
                    "keep -- params: to run the query with those values, or -- prepare-only to only prepare it");
            return;
        }
        if (numbers.isEmpty()) {
            if (params != null) {
                problem(params.line(), "-- params: for a query without $1, $2, …", "-- params: only for a query"
                        + " that uses $n", "remove the comment, or write $1, $2, … where the values go");
            }
            return;
        }
        String used = "$" + String.join(", $", numbers.stream().map(String::valueOf).toList());
        if (numbers.last() != numbers.size()) {
            problem(statement.line(), "parameters " + used, "$1 to $n, each used at least once (Postgres cannot tell"
                    + " the type of a parameter the query never uses)", "renumber the parameters from $1 without gaps");
        } else if (params == null && !prepareOnly) {
            problem(statement.line(), "parameters " + used + " but no values for them in "
                            + excerpt(statement.sql()), PARAMS_SYNTAX + ", on the query's lines or just above it",
                    "add -- params: with " + numbers.size() + (numbers.size() == 1 ? " value" : " values")
                            + " (real values, so that NOT NULL and CHECK violations show), or -- prepare-only to"
                            + " only resolve the query's names and types against the schema");
        } else if (params != null && !values.isEmpty() && !values.contains("") && values.size() != numbers.size()) {
            problem(params.line(), values.size() + (values.size() == 1 ? " value" : " values") + " for parameters "
                    + used, numbers.size() + (numbers.size() == 1 ? " value" : " values") + ", one per $n in order",
                    "give exactly one value for each of " + used);
        }
    }

    private void problem(int line, String found, String expected, String fix) {
        problems.add(new DefinitionProblem(file, line, found, expected, fix));
    }

    private static String excerpt(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }
}
