package dev.migratest.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The run order of a migration version: a list of parts compared one by one, numbers numerically, text as text, a
 * number before any text, a shorter list before a longer one it starts. Equal keys are the same version (duplicates).
 */
final class VersionKey implements Comparable<VersionKey> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final List<Comparable<?>> parts;

    private VersionKey(List<Comparable<?>> parts) {
        this.parts = List.copyOf(parts);
    }

    /** A number when {@code version} is all digits ({@code 007} equals {@code 7}), otherwise text. */
    static VersionKey of(String version) {
        return new VersionKey(List.of(part(version)));
    }

    /**
     * Flyway style: parts split at {@code .} or {@code _}, each compared as a number; trailing zero parts do not count
     * ({@code 1.0} is {@code 1}), so {@code 1.10 > 1.9} and {@code 2 > 1.9}.
     */
    static VersionKey dotted(String version) {
        List<Comparable<?>> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(part(part));
        }
        while (parts.size() > 1 && BigInteger.ZERO.equals(parts.get(parts.size() - 1))) {
            parts.remove(parts.size() - 1);
        }
        return new VersionKey(parts);
    }

    private static Comparable<?> part(String text) {
        return DIGITS.matcher(text).matches() ? new BigInteger(text) : text;
    }

    @Override
    public int compareTo(VersionKey other) {
        for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
            int c = compare(parts.get(i), other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    private static int compare(Comparable<?> a, Comparable<?> b) {
        if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return a instanceof BigInteger ? -1 : 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionKey key && parts.equals(key.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return parts.toString();
    }
}
