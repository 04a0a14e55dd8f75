package dev.migratest.junit;

import dev.migratest.compat.QueryFile;
import dev.migratest.migration.DefinitionProblem;
import dev.migratest.migration.SplitResult;
import dev.migratest.migration.SqlFragments;
import dev.migratest.migration.StatementSplitter;

import java.util.ArrayList;
import java.util.List;

/**
 * The invariant queries of a test class: those written on the annotation, then those of its invariants file (one
 * query per statement, split like a migration). A file that cannot be found, decoded or split fails the class with
 * every problem (file, line, what was found, the fix).
 */
final class InvariantQueries {

    private InvariantQueries() {
    }

    static List<String> of(List<String> annotated, String file) {
        List<String> queries = new ArrayList<>(annotated.stream().filter(q -> !q.isBlank()).toList());
        if (file == null || file.isBlank()) return List.copyOf(queries);
        QueryFile.Read read = QueryFile.read(file, "a readable UTF-8 .sql file of invariant queries");
        List<DefinitionProblem> problems = new ArrayList<>();
        if (read.problem() != null) {
            problems.add(read.problem());
        } else {
            SqlFragments.decodeUtf8(read.name(), read.bytes(), problems).ifPresent(text -> {
                SplitResult split = StatementSplitter.split(read.name(), text, 1);
                problems.addAll(split.problems());
                split.statements().forEach(s -> queries.add(s.sql()));
            });
        }
        if (!problems.isEmpty()) {
            throw new MigrationFailure(DefinitionProblem.summary("the invariants file", file, problems));
        }
        return List.copyOf(queries);
    }
}
