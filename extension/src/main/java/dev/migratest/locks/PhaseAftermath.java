package dev.migratest.locks;

import java.util.List;

/**
 * Catalog state right after a phase committed that no single statement's trace shows, read from the database by the
 * runner and judged by the findings.
 *
 * @param invalidIndexes       schema-qualified names of indexes left {@code INVALID} ({@code pg_index.indisvalid =
 *                             false}) on tables of the phase, e.g. {@code public.orders_email_idx}
 * @param unindexedForeignKeys foreign keys created by the phase whose referencing columns lead no index, each written
 *                             {@code <constraint> on <schema.table> (<column>, …)}, e.g.
 *                             {@code orders_customer_id_fkey on public.orders (customer_id)}
 * @param notValidConstraints  constraints the phase left NOT VALID, {@code <constraint> on <schema.table>}
 * @param sequencesBehind      sequences the phase left behind their column's largest value, e.g.
 *                             {@code public.orders_id_seq at 5000 < max(public.orders.id) 6000}; in a history, one an
 *                             earlier phase left behind and nobody moved since is that phase's, not listed again
 * @param oldQueriesFailing    queries of the previous application version that worked before the phase and fail
 *                             after it, each as {@code name (file:line): ERROR sqlstate: message}
 */
public record PhaseAftermath(List<String> invalidIndexes, List<String> unindexedForeignKeys,
                             List<String> notValidConstraints, List<String> sequencesBehind,
                             List<String> oldQueriesFailing) {
    /** Nothing left behind, or not read. */
    public static final PhaseAftermath NONE = new PhaseAftermath(List.of(), List.of(), List.of(), List.of());

    public PhaseAftermath {
        invalidIndexes = List.copyOf(invalidIndexes);
        unindexedForeignKeys = List.copyOf(unindexedForeignKeys);
        notValidConstraints = List.copyOf(notValidConstraints);
        sequencesBehind = List.copyOf(sequencesBehind);
        oldQueriesFailing = List.copyOf(oldQueriesFailing);
    }

    public PhaseAftermath(List<String> invalidIndexes, List<String> unindexedForeignKeys,
                          List<String> notValidConstraints, List<String> sequencesBehind) {
        this(invalidIndexes, unindexedForeignKeys, notValidConstraints, sequencesBehind, List.of());
    }

    /** The same, with the old application queries this phase broke. */
    public PhaseAftermath withOldQueriesFailing(List<String> failing) {
        return new PhaseAftermath(invalidIndexes, unindexedForeignKeys, notValidConstraints, sequencesBehind, failing);
    }

    /** The same, with {@code behind} as the sequences this phase left behind. */
    public PhaseAftermath withSequencesBehind(List<String> behind) {
        return new PhaseAftermath(invalidIndexes, unindexedForeignKeys, notValidConstraints, behind, oldQueriesFailing);
    }

    public PhaseAftermath(List<String> invalidIndexes, List<String> unindexedForeignKeys) {
        this(invalidIndexes, unindexedForeignKeys, List.of(), List.of());
    }
}
