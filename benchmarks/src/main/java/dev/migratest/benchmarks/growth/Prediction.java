package dev.migratest.benchmarks.growth;

import java.util.OptionalDouble;

/**
 * The fitted value at a production row count. {@code value} is empty when the fit is too poor to predict from; a
 * value with {@link Quality#POOR} is an extrapolation too far to trust. {@code caveat} says which, in plain words.
 */
public record Prediction(long rows, GrowthModel model, OptionalDouble value, Quality quality, String caveat) {
}
