package dev.migratest.benchmarks.growth;

/**
 * One model's least-squares fit {@code y = a + b·x(n)}.
 *
 * @param rss       residual sum of squares
 * @param rSquared  1 − RSS/TSS; NaN for CONSTANT, whose R² is 0 by construction and says nothing (its quality is the
 *                  spread around the mean instead); 1 when all values are equal
 */
public record ModelFit(GrowthModel model, double a, double b, double rss, double rSquared) {

    /** A slope below zero: the metric would shrink as the table grows, which no migration does; noise, not growth. */
    public boolean negativeSlope() {
        return model != GrowthModel.CONSTANT && b < 0;
    }

    public double valueAt(long n) {
        // A negative intercept is noise around zero at small volumes; a duration or hold time is never below zero.
        return Math.max(0, a + b * model.x(n));
    }
}
