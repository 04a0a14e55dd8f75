package dev.migratest.findings;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.PhaseAftermath;
import dev.migratest.locks.StatementTrace;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One phase of one rehearsal as the rules read it: its statements and the questions every rule asks of the trace
 * (which tables existed before the phase, what lock was held on them at a statement, which were rewritten).
 */
final class PhaseView {

    private static final String TOAST_PREFIX = "toast of ";

    private final CycleResult cycle;
    private final PhaseResult phase;
    private final PhaseAftermath aftermath;
    /** Each statement's text as the rules read it, made once per phase rather than once per rule. */
    private final java.util.Map<StatementResult, SqlText> texts = new java.util.IdentityHashMap<>();

    PhaseView(CycleResult cycle, PhaseResult phase, PhaseAftermath aftermath) {
        this.cycle = cycle;
        this.phase = phase;
        this.aftermath = aftermath == null ? PhaseAftermath.NONE : aftermath;
    }

    Phase phase() {
        return phase.phase();
    }

    boolean transactional() {
        return phase.transactional();
    }

    List<StatementResult> statements() {
        return phase.statements();
    }

    /**
     * The statement's text without comments and quoted contents. Every rule reads every statement's: made once per
     * phase, a 100 KB INSERT is cleaned once instead of once per rule.
     */
    SqlText text(StatementResult statement) {
        return texts.computeIfAbsent(statement, s -> SqlText.of(s.sql()));
    }

    PhaseAftermath aftermath() {
        return aftermath;
    }

    /**
     * {@code V7 line 3}, {@code V7 down line 3}, {@code R__views line 1}: where a message starts (DOWN's lines are its
     * own file's); line 0 names the phase as a whole, {@link #name()}.
     */
    String at(int line) {
        return line > 0 ? migrationName() + (phase.phase() == Phase.DOWN ? " down" : "") + " line " + line : name();
    }

    /** {@code V7 UP}, {@code V7 down}, {@code V7 second UP}, {@code R__views UP}. */
    String name() {
        return migrationName() + switch (phase.phase()) {
            case UP -> " UP";
            case DOWN -> " down";
            case REUP -> " second UP";
        };
    }

    private String migrationName() {
        var migration = cycle.migration();
        return migration.kind() == dev.migratest.migration.Migration.Kind.REPEATABLE
                ? "R__" + migration.name() : "V" + migration.version();
    }

    /** {@code " (50 000 rows)"} when the rows present before the rehearsal are known, else nothing. */
    String rowsNote(String table) {
        OptionalLong rows = rows(table);
        return rows.isPresent() ? " (" + Facts.count(rows.getAsLong()) + " rows)" : "";
    }

    OptionalLong rows(String table) {
        Long rows = cycle.rows().get(table);
        return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
    }

    /** Every lock the phase's statements took first, in statement order. */
    List<LockHold> locks() {
        List<LockHold> all = new ArrayList<>();
        for (StatementResult statement : statements()) {
            if (statement.trace() != null) all.addAll(statement.trace().locks());
        }
        return all;
    }

    /**
     * The schema-qualified name of a table that existed before the phase and that the phase locked, matching the name
     * as the SQL wrote it; {@code null} when there is none (the table was created by the phase, or never locked).
     */
    String preExistingTable(String written) {
        return locks().stream()
                .filter(l -> l.object().preExisting() && l.object().kind().holdsRows())
                .map(LockHold::relation)
                .filter(name -> Names.matches(name, written))
                .findFirst().orElse(null);
    }

    boolean preExisting(String table) {
        return locks().stream().anyMatch(l -> l.object().preExisting() && table.equals(l.object().table()));
    }

    /**
     * The strongest lock on {@code table} itself that was held while statement {@code index} ran: taken by it, or, in a
     * transaction, by an earlier statement (a trace lists a lock only at the statement that took it first).
     */
    Optional<LockHold> heldOn(String table, int index) {
        int from = transactional() ? 0 : index;
        return statements().subList(from, index + 1).stream()
                .filter(s -> s.trace() != null)
                .flatMap(s -> s.trace().locks().stream())
                .filter(l -> l.relation().equals(table))
                .max(Comparator.comparing(LockHold::mode).thenComparingDouble(LockHold::heldMs));
    }

    /** The lock held on {@code table} at statement {@code index}, if at least {@code mode}. */
    Optional<LockHold> heldAtLeast(String table, int index, LockMode mode) {
        return heldOn(table, index).filter(l -> l.mode().isAtLeast(mode));
    }

    /** Pre-existing tables whose storage the statement rewrote (the table itself or its toast table got new files). */
    Set<String> rewrittenTables(StatementTrace trace) {
        Set<String> tables = new LinkedHashSet<>();
        if (trace == null) return tables;
        for (String relation : trace.rewrites()) {
            String table = relation.startsWith(TOAST_PREFIX) ? relation.substring(TOAST_PREFIX.length()) : relation;
            boolean isTable = locks().stream().anyMatch(l -> l.relation().equals(table) && l.object().kind().holdsRows());
            if (isTable && preExisting(table)) tables.add(table);
        }
        return tables;
    }

    /**
     * The table did not exist before this migration: this phase created it, or (in DOWN) UP did. Its rows are the
     * migration's own; nothing an application had is lost with them.
     */
    boolean createdByThisMigration(String table) {
        if (locksOf(phase).anyMatch(l -> l.object().createdInPhase() && table.equals(l.object().table()))) return true;
        return phase.phase() == Phase.DOWN && cycle.phase(Phase.UP).map(up -> locksOf(up)
                .anyMatch(l -> l.object().createdInPhase() && table.equals(l.object().table()))).orElse(false);
    }

    private static java.util.stream.Stream<LockHold> locksOf(PhaseResult phase) {
        return phase.statements().stream().filter(s -> s.trace() != null).flatMap(s -> s.trace().locks().stream());
    }

    /** The migration's up and down scripts (a forward-only migration has no down). */
    List<dev.migratest.migration.Script> scripts() {
        List<dev.migratest.migration.Script> scripts = new ArrayList<>();
        scripts.add(cycle.migration().up());
        if (cycle.migration().down() != null) scripts.add(cycle.migration().down());
        return scripts;
    }

    /** The line of the first statement whose text names {@code name} (unqualified), or 0 when none does. */
    int lineNaming(String name) {
        String bare = Names.unqualified(name);
        return statements().stream()
                .filter(s -> text(s).has("(?<![\\w$])\"?" + java.util.regex.Pattern.quote(bare) + "\"?(?![\\w$])"))
                .mapToInt(StatementResult::line).findFirst().orElse(0);
    }
}
