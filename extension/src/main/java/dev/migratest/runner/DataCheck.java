package dev.migratest.runner;

import java.util.List;

/**
 * What the data fingerprints said about one migration.
 *
 * @param downVsBefore data after DOWN against data before UP (counts, NULLs and values), one line per difference
 * @param reupVsUp     data after the second UP against after the first (counts and NULLs: a second UP may write
 *                     new identity values or timestamps)
 * @param declaredLoss the reason the migration gave for not giving data back ({@code -- migratest:allow data-loss —
 *                     reason}), {@code null} when it declared nothing; a declared loss is reported, not failed
 * @param invariants   declared invariant queries that failed or answered otherwise than before UP, after any phase;
 *                     never excused by a declared loss
 */
public record DataCheck(List<String> downVsBefore, List<String> reupVsUp, String declaredLoss,
                        List<String> invariants) {
    public static final String DATA_LOSS = "data-loss";

    public DataCheck {
        downVsBefore = List.copyOf(downVsBefore);
        reupVsUp = List.copyOf(reupVsUp);
        invariants = List.copyOf(invariants);
    }

    public DataCheck(List<String> downVsBefore, List<String> reupVsUp, String declaredLoss) {
        this(downVsBefore, reupVsUp, declaredLoss, List.of());
    }

    public boolean lostData() {
        return !downVsBefore.isEmpty() || !reupVsUp.isEmpty() || !invariants.isEmpty();
    }

    /** All differences, DOWN's first. */
    public List<String> lines() {
        List<String> all = new java.util.ArrayList<>(downVsBefore);
        all.addAll(reupVsUp);
        all.addAll(invariants);
        return List.copyOf(all);
    }
}
