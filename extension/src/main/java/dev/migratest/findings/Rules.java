package dev.migratest.findings;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every rule migratest knows, in the order reports list them. */
final class Rules {

    static final List<Rule> ALL = List.of(
            new AccessExclusiveHeldAcrossStatements(),
            new TableRewrite(),
            new TruncateTable(),
            new IndexWithoutConcurrently(),
            new ConstraintValidatedOnAdd(),
            new SetNotNullScans(),
            new NotNullColumnWithoutDefault(),
            new VolatileDefault(),
            new TypeChangeRewrite(),
            new LockTimeoutMissing(),
            new WholeTableBackfill(),
            new DdlAndDmlInOneTransaction(),
            new IndexLeftInvalid(),
            new ForeignKeyWithoutIndex(),
            new NotValidConstraintLeft(),
            new SequenceBehindColumn(),
            new OldCodeQueryFails(),
            new BreakingDropOrRename());

    static final Map<String, Rule> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

    static final List<String> IDS = ALL.stream().map(Rule::id).toList();

    private Rules() {
    }
}
