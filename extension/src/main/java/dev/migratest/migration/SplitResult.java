package dev.migratest.migration;

import java.util.List;

/** What the splitter made of one script: its statements, and every problem it met (empty when the script is fine). */
public record SplitResult(List<Statement> statements, List<DefinitionProblem> problems) {
    public SplitResult {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }
}
