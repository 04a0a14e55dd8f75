package dev.migratest.report;

import java.util.Collection;

/**
 * How many migrations passed, failed and were skipped, counted from their verdicts; {@code toReview} counts the
 * passed ones that still deserve a look ({@link MigrationFigures#risky()}), so the first three add up to the whole.
 */
public record VerdictTally(int migrations, int passed, int failed, int skipped, int toReview) {

    public static VerdictTally of(Collection<MigrationFigures> figures) {
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        int toReview = 0;
        for (MigrationFigures f : figures) {
            switch (f.verdict()) {
                case PASSED -> {
                    passed++;
                    if (f.risky()) toReview++;
                }
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        return new VerdictTally(figures.size(), passed, failed, skipped, toReview);
    }

    /** {@code 247 passed, 41 failed, 54 skipped, 12 to review}. */
    public String counts() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped, " + toReview + " to review";
    }
}
