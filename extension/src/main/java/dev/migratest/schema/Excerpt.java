package dev.migratest.schema;

/**
 * Keeps values short enough for one diff line: whitespace runs folded to one space, long values cut with {@code …}.
 * Two different values are cut around their first difference, so the excerpts still differ.
 */
final class Excerpt {

    /** Longest excerpt, ellipses not counted. */
    static final int MAX = 80;
    /** Characters kept before the first difference and after the last one. */
    static final int CONTEXT = 20;

    private Excerpt() {
    }

    static String of(String value) {
        String flat = fold(value);
        if (flat.length() <= MAX) {
            return flat;
        }
        // end at a word when one ends near the limit
        int space = flat.lastIndexOf(' ', MAX);
        int end = space >= MAX - CONTEXT ? space : boundary(flat, MAX);
        return flat.substring(0, end) + "…";
    }

    /** Excerpts of two values that differ: element 0 for {@code expected}, 1 for {@code actual}. */
    static String[] pair(String expected, String actual) {
        String left = fold(expected);
        String right = fold(actual);
        if (left.equals(right)) {
            // they differ in whitespace only: show it
            left = visible(expected);
            right = visible(actual);
        }
        if (left.length() <= MAX && right.length() <= MAX) {
            return new String[] {left, right};
        }
        int prefix = commonPrefix(left, right);
        int suffix = commonSuffix(left, right, prefix);
        int from = Math.max(0, prefix - CONTEXT);
        if (from > 0) {
            // start at a word of the common part when there is one
            int space = left.indexOf(' ', from);
            from = space >= 0 && space < prefix ? space + 1 : boundary(left, from);
        }
        return new String[] {cut(left, from, suffix), cut(right, from, suffix)};
    }

    private static String cut(String value, int from, int suffix) {
        int differenceEnd = value.length() - suffix;
        int to = Math.min(value.length(), differenceEnd + CONTEXT);
        if (to - from > MAX) {
            to = from + MAX;
        } else if (to < value.length()) {
            // end at a word of the common part when there is one
            int space = value.lastIndexOf(' ', to);
            to = space > differenceEnd ? space : to;
        }
        to = boundary(value, to);
        return (from > 0 ? "…" : "") + value.substring(from, to) + (to < value.length() ? "…" : "");
    }

    private static String fold(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    private static String visible(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"';
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Length of the common suffix that does not reach into the common prefix of either value. */
    private static int commonSuffix(String a, String b, int prefix) {
        int n = Math.min(a.length(), b.length()) - prefix;
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }

    /** {@code index}, moved back by one if it would split a surrogate pair. */
    private static int boundary(String value, int index) {
        if (index > 0 && index < value.length() && Character.isLowSurrogate(value.charAt(index))) {
            return index - 1;
        }
        return index;
    }
}
