package dev.migratest.benchmarks.growth;

/** One measurement: the metric's value {@code y} at a table volume of {@code n} rows. */
public record Point(long n, double y) {
    public Point {
        if (n <= 0) {
            // n·ln n and "growth" mean nothing for an empty table, and ln 0 would poison the fit.
            throw new IllegalArgumentException("row count must be positive: " + n);
        }
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("value must be finite: " + y);
        }
    }
}
