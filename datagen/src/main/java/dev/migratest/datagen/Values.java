package dev.migratest.datagen;

/** Small helpers on generated text. */
final class Values {

    private Values() {
    }

    /** Removes NUL and lone surrogates: PostgreSQL rejects the first in text, pgjdbc turns the second into '?'. */
    static String clean(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c == 0
                    || Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (bad && b == null) {
                b = new StringBuilder(s.substring(0, i));
            } else if (!bad && b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** Length in characters as PostgreSQL counts them (code points). */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The first {@code max} code points of {@code s}. */
    static String truncate(String s, int max) {
        if (max < 0 || length(s) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }

    /** {@code n} code points cycling through a, é and an emoji: n characters, more bytes. */
    static String ofLength(int n) {
        int[] cycle = {'a', 'é', 0x1F600};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(cycle[i % cycle.length]);
        }
        return b.toString();
    }
}
