package dev.migratest.compat;

import dev.migratest.migration.SqlFragments.LineComment;
import dev.migratest.migration.Statement;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each directive comment to its query: a comment on a query's own lines belongs to that query (when two queries
 * share the line, to the later one); any other belongs to the next query below it. Directives below the last query
 * belong to none.
 */
final class QueryComments {

    /** Directives per statement, in statement order, and those below the last statement. */
    record Attributed(List<List<Directive>> perStatement, List<Directive> orphans) {
    }

    private QueryComments() {
    }

    static Attributed attribute(List<Statement> statements, List<LineComment> comments) {
        List<List<Directive>> per = new ArrayList<>();
        statements.forEach(s -> per.add(new ArrayList<>()));
        List<Directive> orphans = new ArrayList<>();
        for (LineComment comment : comments) {
            Directive.of(comment).ifPresent(directive -> {
                int owner = ownerOf(statements, comment.line());
                (owner < 0 ? orphans : per.get(owner)).add(directive);
            });
        }
        return new Attributed(per, orphans);
    }

    private static int ownerOf(List<Statement> statements, int line) {
        for (int i = statements.size() - 1; i >= 0; i--) {
            Statement s = statements.get(i);
            if (s.line() <= line && line <= lastLine(s)) return i;
        }
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).line() > line) return i;
        }
        return -1;
    }

    /** The line of the statement's last token: its text runs unchanged from its first token to its last. */
    static int lastLine(Statement statement) {
        String sql = statement.sql();
        int breaks = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == sql.length() || sql.charAt(i + 1) != '\n'))) breaks++;
        }
        return statement.line() + breaks;
    }
}
