package dev.migratest.benchmarks.growth;

/**
 * How a metric may grow with the row count n. Every model is {@code y = a + b·x(n)}, so one least-squares routine
 * fits them all; CONSTANT is the one without a slope.
 */
public enum GrowthModel {
    /** y = a: catalog-only changes (ADD COLUMN without rewrite, DROP COLUMN, renames). */
    CONSTANT("constant", "a"),
    /** y = a + b·n: one pass over the table (rewrites, backfills, validating a constraint). */
    LINEAR("linear", "a + b·n"),
    /** y = a + b·n·ln n: sorting the table (CREATE INDEX). */
    N_LOG_N("n log n", "a + b·n·ln n");

    private final String label;
    private final String formula;

    GrowthModel(String label, String formula) {
        this.label = label;
        this.formula = formula;
    }

    /** The regressor multiplied by the slope b; CONSTANT has none. */
    double x(long n) {
        return switch (this) {
            case CONSTANT -> 0;
            case LINEAR -> n;
            case N_LOG_N -> n * Math.log(n);
        };
    }

    /** Number of fitted coefficients, for the degrees of freedom of the model comparison. */
    int parameters() {
        return this == CONSTANT ? 1 : 2;
    }

    public String label() {
        return label;
    }

    public String formula() {
        return formula;
    }
}
