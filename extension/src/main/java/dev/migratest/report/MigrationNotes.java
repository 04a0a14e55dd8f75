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

    private MigrationNotes() {
    }

    static List<String> of(Migration migration) {
        List<String> notes = new ArrayList<>();
        if (migration.noOp()) notes.add(NO_OP);
        return notes;
    }
}
