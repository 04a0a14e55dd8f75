package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link Script}s: splits text with {@link StatementSplitter}, passes its problems on, and decides whether the
 * script can run in one transaction.
 */
final class Scripts {

    private static final int WORDS_BEFORE_CONCURRENTLY = 5;

    private Scripts() {
    }

    /**
     * @param text         the script's text, read from its start as it is split
     * @param markerReason why the layout's own marker makes it non-transactional, e.g.
     *                     {@code "-- +goose NO TRANSACTION (line 1)"}; {@code null} when none does
     */
    static Script split(String file, SourceWindow text, String markerReason, Collected out) {
        List<AllowDirective> directives = new ArrayList<>();
        SplitResult result = StatementSplitter.split(file, text, directives::add);
        out.problems(result.problems());
        checkAutocommitInsideOwnTransaction(file, result.statements(), out);
        return of(file, result.statements(), markerReason, directives);
    }

    /**
     * A whole file's script, split as the file is read; an empty script when the file cannot be read (its problem is
     * recorded), so that the layout still counts it as present.
     */
    static Script read(MigrationFolder folder, String file, String markerReason, Collected out) {
        return read(folder, file, markerReason, out, text -> text);
    }

    /** Like {@link #read(MigrationFolder, String, String, Collected)}, the text passing {@code filter} first. */
    static Script read(MigrationFolder folder, String file, String markerReason, Collected out,
                       java.util.function.UnaryOperator<java.io.Reader> filter) {
        return folder.read(file, out, (text, found) -> split(file, SourceWindow.over(filter.apply(text), 1),
                        markerReason, found))
                .orElseGet(() -> of(file, List.of(), markerReason));
    }

    /**
     * {@code BEGIN; CREATE INDEX CONCURRENTLY …; COMMIT;} runs here (the runner owns transactions and drops the
     * script's own), but production's migration tool sends the BEGIN and PostgreSQL refuses the statement inside it
     * (SQLSTATE 25001): passing it would hide an outage-free deploy that cannot happen at all.
     */
    static void checkAutocommitInsideOwnTransaction(String file, List<Statement> statements, Collected out) {
        Statement open = null;
        for (Statement statement : statements) {
            if (statement.kind() == StatementKind.TRANSACTION_CONTROL) {
                open = opensTransaction(statement) ? statement : null;
            } else if (statement.kind() == StatementKind.NEEDS_AUTOCOMMIT && open != null) {
                out.problem(file, statement.line(), firstWords(statement.sql()) + " inside the script's own "
                                + firstWords(open.sql()) + " (line " + open.line() + ")",
                        "statements that cannot run in a transaction block outside any BEGIN … COMMIT (PostgreSQL "
                                + "refuses them there: ERROR 25001)",
                        "remove the script's BEGIN/COMMIT around line " + statement.line()
                                + ", or move the statement into a migration of its own");
            }
        }
    }

    private static boolean opensTransaction(Statement statement) {
        String words = withoutLeadingComments(statement.sql()).toUpperCase(java.util.Locale.ROOT);
        return words.startsWith("BEGIN") || words.startsWith("START");
    }

    /** A script of statements already split; a marker reason wins over a statement that needs autocommit. */
    static Script of(String file, List<Statement> statements, String markerReason) {
        return of(file, statements, markerReason, List.of());
    }

    static Script of(String file, List<Statement> statements, String markerReason, List<AllowDirective> directives) {
        return new Script(file, statements, markerReason != null ? markerReason : autocommitReason(statements),
                directives);
    }

    private static String autocommitReason(List<Statement> statements) {
        for (Statement statement : statements) {
            if (statement.kind() == StatementKind.NEEDS_AUTOCOMMIT) {
                return firstWords(statement.sql()) + " cannot run in a transaction (line " + statement.line() + ")";
            }
        }
        return null;
    }

    /**
     * The words that say what a statement is: through {@code CONCURRENTLY} when it comes early
     * ({@code CREATE UNIQUE INDEX CONCURRENTLY}), otherwise the first two words ({@code VACUUM FULL}), followed by
     * {@code … CONCURRENTLY} when it comes late.
     */
    static String firstWords(String sql) {
        List<String> words = List.of(withoutLeadingComments(sql).split("\\s+"));
        String firstTwo = String.join(" ", words.subList(0, Math.min(words.size(), 2)));
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("CONCURRENTLY")) {
                return i < WORDS_BEFORE_CONCURRENTLY
                        ? String.join(" ", words.subList(0, i + 1))
                        : firstTwo + " … " + words.get(i);
            }
        }
        return firstTwo;
    }

    private static String withoutLeadingComments(String sql) {
        String rest = sql.strip();
        while (rest.startsWith("--") || rest.startsWith("/*")) {
            int end = rest.startsWith("--") ? rest.indexOf('\n') : rest.indexOf("*/");
            if (end < 0) {
                return rest;
            }
            rest = rest.substring(end + (rest.startsWith("--") ? 1 : 2)).strip();
        }
        return rest;
    }
}
