package dev.migratest.report;

import dev.migratest.migration.Migration;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader must know about a migration before reading its figures, in the same words on the console line, in
 * the HTML report and in the JSON: e.g. that its up runs no statement, so its empty trace is no measurement gap.
 */
final class MigrationNotes {

    static final String NO_OP = "no-op: its up holds no statement";
    static final String REPEATABLE = "repeatable: applied after every versioned migration and applied again as when"
            + " it changes; no down, its reversibility is not claimed";
    static final String JAVA = "GAP: a Java migration, not rehearsed; the migrations after it ran without it";

    private MigrationNotes() {
    }

    static List<String> of(Migration migration) {
        List<String> notes = new ArrayList<>();
        switch (migration.kind()) {
            case JAVA -> notes.add(JAVA);
            case REPEATABLE -> notes.add(REPEATABLE);
            default -> {
            }
        }
        if (migration.noOp()) notes.add(NO_OP);
        return notes;
    }
}
