package dev.migratest.migration;

import java.util.List;

/**
 * Every problem found in one migrations location, thrown once. The message starts with a summary line, e.g.
 * {@code 3 problems in migrations at classpath:db/bad:}, followed by one {@link DefinitionProblem#describe()} line per
 * problem.
 */
public final class MigrationDefinitionException extends RuntimeException {

    private final String location;
    private final List<DefinitionProblem> problems;

    public MigrationDefinitionException(String location, List<DefinitionProblem> problems) {
        super(DefinitionProblem.summary("migrations", location, problems));
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    /** The location as given to the loader. */
    public String location() {
        return location;
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
