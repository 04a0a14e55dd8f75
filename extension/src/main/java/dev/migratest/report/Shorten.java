package dev.migratest.report;

/**
 * Cutting text for display without cutting a character in half: a cut between the two halves of a surrogate pair
 * (an emoji, a rare CJK character) leaves text that no encoder can write, and one such statement would make the
 * whole report unwritable.
 */
final class Shorten {

    private Shorten() {
    }

    /** The first {@code max} chars of {@code text} (one fewer when that would split a pair), or all of it. */
    static String prefix(String text, int max) {
        if (text.length() <= max) return text;
        int end = max > 0 && Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
