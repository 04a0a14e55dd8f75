package dev.migratest.assertions;

/** What every failure message of this package shares. */
final class Format {

    private Format() {
    }

    /** failWithMessage formats with String.format: keep user text's % literal. */
    static String escape(String text) {
        return text == null ? "" : text.replace("%", "%%");
    }
}
