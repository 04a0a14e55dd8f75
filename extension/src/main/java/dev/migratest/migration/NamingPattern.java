package dev.migratest.migration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a project's own runner names its migration files, described once as a regular expression with the named groups
 * {@code version}, {@code name} and {@code direction} (whose text is {@code up} or {@code down}), e.g.
 * {@code V(?<version>\d+)\.(?<name>[^.]+)\.(?<direction>up|down)\.sql} for {@code V0001.Initial_Schema.up.sql}. It is
 * matched against each file's path relative to the location, forward slashes between directories.
 */
public final class NamingPattern {

    /** The groups every naming pattern needs, in the order a message names them. */
    public static final List<String> GROUPS = List.of("version", "name", "direction");
    /** A pattern that works, for messages: the example of the documentation. */
    public static final String EXAMPLE = "V(?<version>\\d+)\\.(?<name>[^.]+)\\.(?<direction>up|down)\\.sql";

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Pattern pattern;

    private NamingPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param regex  the pattern as the user wrote it
     * @param source where it was written, for the message, e.g. {@code @MigrationTest(naming)}
     * @throws IllegalArgumentException naming every problem of the pattern at once: it does not compile, or groups
     *                                  are missing
     */
    public static NamingPattern compile(String regex, String source) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(source + " '" + regex + "' is not a regular expression: "
                    + e.getDescription() + (e.getIndex() < 0 ? "" : " at index " + e.getIndex())
                    + "; expected a Java regular expression with the named groups version, name and direction, e.g. "
                    + EXAMPLE + "; fix: correct the pattern (in an annotation a backslash is written \\\\)", e);
        }
        Set<String> named = namedGroups(regex);
        List<String> problems = new ArrayList<>();
        for (String group : GROUPS) {
            if (!named.contains(group)) {
                problems.add("no named group " + group + " (add " + hint(group) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + " '" + regex + "' has " + String.join(" and ", problems)
                    + "; expected the named groups version, name and direction, e.g. " + EXAMPLE
                    + "; fix: add the missing groups to the pattern");
        }
        return new NamingPattern(compiled);
    }

    private static String hint(String group) {
        return switch (group) {
            case "version" -> "(?<version>\\d+) where the file name holds its version";
            case "name" -> "(?<name>[^.]+) where it holds its description";
            default -> "(?<direction>up|down) where it says up or down";
        };
    }

    /** The names of the groups the pattern declares; an escaped {@code \(?<x>} declares none. */
    private static Set<String> namedGroups(String regex) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = NAMED_GROUP.matcher(regex);
        while (matcher.find()) {
            int backslashes = 0;
            for (int i = matcher.start() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    Matcher matcher(String path) {
        return pattern.matcher(path);
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
