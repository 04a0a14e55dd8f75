package dev.migratest.datagen;

import java.util.Arrays;
import java.util.List;

/**
 * Decides which candidate values a column accepts (its type, domain and column-level CHECKs). The loader asks
 * PostgreSQL ({@link PostgresCandidateFilter}); {@link #NONE} accepts everything (unit tests, no database).
 */
interface CandidateFilter {

    CandidateFilter NONE = (table, column, candidates) -> {
        boolean[] ok = new boolean[candidates.size()];
        Arrays.fill(ok, true);
        return ok;
    };

    /** For each candidate (never null), whether the column accepts it. */
    boolean[] accepts(Table table, Column column, List<String> candidates);
}
