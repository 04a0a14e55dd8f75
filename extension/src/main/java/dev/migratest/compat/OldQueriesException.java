package dev.migratest.compat;

import dev.migratest.migration.DefinitionProblem;

import java.util.List;

/**
 * Every problem found in one old-queries file, thrown once. The message starts with a summary line, e.g.
 * {@code 2 problems in old queries at classpath:db/app-v1.sql:}, followed by one line per problem.
 */
public final class OldQueriesException extends RuntimeException {

    private final String location;
    private final List<DefinitionProblem> problems;

    public OldQueriesException(String location, List<DefinitionProblem> problems) {
        super(DefinitionProblem.summary("old queries", location, problems));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    /** The location as given to {@link OldQueries#load(String)}. */
    public String location() {
        return location;
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
