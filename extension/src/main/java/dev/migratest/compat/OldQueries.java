package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;
import dev.migratest.migration.SplitResult;
import dev.migratest.migration.SqlFragments;
import dev.migratest.migration.StatementSplitter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the queries the previous application version runs from a {@code .sql} file: statements separated by
 * semicolons (split like migrations: comments, quotes and dollar quotes respected), each optionally preceded or
 * accompanied by directive comments:
 * <pre>
 * -- name: insert_user
 * -- params: 'ann@example.org', 'Ann'
 * INSERT INTO users (email, full_name) VALUES ($1, $2);
 *
 * SELECT id, full_name FROM users WHERE id = $1; -- params: 1
 *
 * -- prepare-only
 * DELETE FROM users WHERE id = $1;
 * </pre>
 * Every problem in the file is collected and thrown at once as an {@link OldQueriesException}.
 */
public final class OldQueries {

    private OldQueries() {
    }

    /**
     * @param location {@code classpath:db/app-v1.sql}, {@code filesystem:path/app-v1.sql}, or a plain path (file system
     *                 first, then classpath)
     * @return the queries in file order
     * @throws OldQueriesException listing every problem: file missing, not UTF-8, quotes left open, parameters
     *                             without values, …
     */
    public static List<OldQuery> load(String location) {
        QueryFile.Read read = QueryFile.read(location);
        if (read.problem() != null) {
            throw new OldQueriesException(location, List.of(read.problem()));
        }
        return parse(location, read.name(), read.bytes());
    }

    /** The queries of a text already in hand; {@code file} names it in queries and problems. */
    public static List<OldQuery> parse(String file, String text) {
        return parse(file, file, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<OldQuery> parse(String location, String file, byte[] bytes) {
        List<DefinitionProblem> problems = new ArrayList<>();
        Optional<String> text = SqlFragments.decodeUtf8(file, bytes, problems);
        if (text.isEmpty()) {
            throw new OldQueriesException(location, problems);
        }
        SplitResult split = StatementSplitter.split(file, text.get(), 1);
        problems.addAll(split.problems());
        QueryComments.Attributed directives =
                QueryComments.attribute(split.statements(), SqlFragments.lineComments(text.get(), 1));

        QueryAssembler assembler = new QueryAssembler(file, problems);
        List<OldQuery> queries = new ArrayList<>();
        for (int i = 0; i < split.statements().size(); i++) {
            OldQuery query = assembler.assemble(split.statements().get(i), directives.perStatement().get(i));
            if (query != null) queries.add(query);
        }
        for (Directive orphan : directives.orphans()) {
            problems.add(new DefinitionProblem(file, orphan.line(), orphan.kind().written + " below the last query",
                    "directives on a query's own lines or just above it", "move it above its query, or remove it"));
        }
        if (split.statements().isEmpty() && split.problems().isEmpty()) {
            problems.add(new DefinitionProblem(file, null, "no queries", "at least one query of the previous"
                    + " application version, each ending with a semicolon", "add the queries the old code runs"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing((DefinitionProblem p) -> p.line() == null ? 0 : p.line()));
            throw new OldQueriesException(location, problems);
        }
        return List.copyOf(queries);
    }
}
