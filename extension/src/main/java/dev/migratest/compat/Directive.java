package dev.migratest.compat;

import dev.migratest.migration.SqlFragments.LineComment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment that tells the check something about a query: {@code -- name: insert_user},
 * {@code -- params: 'ann@example.org', 'Ann', 42} or {@code -- prepare-only}. Any other comment is prose.
 *
 * @param value the text after the colon, stripped ({@code ""} for prepare-only)
 */
record Directive(Kind kind, int line, String value) {

    enum Kind {
        NAME("-- name:"), PARAMS("-- params:"), PREPARE_ONLY("-- prepare-only");

        final String written;

        Kind(String written) {
            this.written = written;
        }
    }

    private static final Pattern KEYED = Pattern.compile("(?i)\\s*(name|params)\\s*:(.*)");
    private static final Pattern PREPARE_ONLY = Pattern.compile("(?i)\\s*prepare-only\\s*");

    static Optional<Directive> of(LineComment comment) {
        Matcher keyed = KEYED.matcher(comment.body());
        if (keyed.matches()) {
            Kind kind = keyed.group(1).equalsIgnoreCase("name") ? Kind.NAME : Kind.PARAMS;
            return Optional.of(new Directive(kind, comment.line(), keyed.group(2).strip()));
        }
        if (PREPARE_ONLY.matcher(comment.body()).matches()) {
            return Optional.of(new Directive(Kind.PREPARE_ONLY, comment.line(), ""));
        }
        return Optional.empty();
    }
}
