package dev.migratest.locks;

import java.util.List;

/**
 * What a phase left behind in the catalog that no lock shows: indexes left INVALID (a failed CONCURRENTLY build) and
 * foreign keys whose referencing columns no index leads with (every parent DELETE/UPDATE then scans the child).
 * Only what the phase itself introduced is listed.
 *
 * @param invalidIndexes        schema-qualified names of indexes that became INVALID during the phase
 * @param unindexedForeignKeys  {@code schema.table.constraint (columns)} of foreign keys the phase created without
 *                              a supporting index
 */
public record PhaseAftermath(List<String> invalidIndexes, List<String> unindexedForeignKeys) {
    public static final PhaseAftermath NONE = new PhaseAftermath(List.of(), List.of());

    public PhaseAftermath {
        invalidIndexes = List.copyOf(invalidIndexes);
        unindexedForeignKeys = List.copyOf(unindexedForeignKeys);
    }
}
