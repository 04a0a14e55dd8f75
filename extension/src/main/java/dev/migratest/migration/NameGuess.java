package dev.migratest.migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a misnamed migration file probably meant, to offer a corrected name: {@code V1_init.sql} has version
 * {@code 1} and description {@code init}; {@code add users.up.sql} has no version and description {@code add_users}.
 *
 * @param version     the leading version (digits, possibly with {@code . _ -} between groups), or {@code null}
 * @param description the rest as a word ({@code _} between words), {@code "description"} when nothing is left
 */
record NameGuess(String version, String description) {

    private static final Pattern SUFFIX = Pattern.compile("(?i)(\\.(up|down))?\\.sql$");
    private static final Pattern VERSIONED = Pattern.compile("^[A-Za-z]?(\\d+(?:[._-]\\d+)*)(.*)$");

    static NameGuess of(String fileOrDirectory) {
        String base = SUFFIX.matcher(MigrationFolder.name(fileOrDirectory)).replaceFirst("");
        Matcher versioned = VERSIONED.matcher(base);
        String version = versioned.matches() ? versioned.group(1) : null;
        String rest = versioned.matches() ? versioned.group(2) : base;
        String description = rest.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
        return new NameGuess(version, description.isEmpty() ? "description" : description);
    }

    /** The first group of digits of the version, {@code "1"} when there is none. */
    String number() {
        return version == null ? "1" : version.split("[^0-9]")[0];
    }

    /** The version with {@code -} read as {@code .} (Flyway style), {@code "1"} when there is none. */
    String dotted() {
        return version == null ? "1" : version.replace('-', '.');
    }
}
