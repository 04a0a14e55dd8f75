package dev.migratest.migration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's own naming, described by a {@link NamingPattern}: every file whose relative path the pattern matches is
 * one direction of one migration; every other file is skipped and listed. Versions of digits (with {@code .} or
 * {@code _} between groups) are ordered as numbers, like Flyway's; dashes between digits are dropped, like diesel's;
 * any other version is ordered as text.
 */
final class PatternLayout implements LayoutReader {

    private static final Pattern DIGITS_AND_DASHES = Pattern.compile("\\d+(?:-\\d+)+");

    private final NamingPattern naming;

    PatternLayout(NamingPattern naming) {
        this.naming = naming;
    }

    @Override
    public Layout layout() {
        return Layout.PATTERN;
    }

    @Override
    public String form() {
        return "files matching the naming pattern " + naming;
    }

    /** Never guessed: the pattern is given, and with it this layout. */
    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return Optional.empty();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        for (String file : folder.files()) {
            Matcher match = naming.matcher(file);
            if (!match.matches()) {
                out.skip(file, NotMigration.isSql(file) ? "the naming pattern does not match it" : NotMigration.why(file));
                continue;
            }
            String version = match.group("version");
            String name = match.group("name") == null ? "" : match.group("name");
            String direction = match.group("direction") == null ? "" : match.group("direction").toLowerCase(Locale.ROOT);
            boolean bad = false;
            if (version == null || version.isEmpty()) {
                out.problem(file, null, "a name whose version group is empty", form() + " with a non-empty version",
                        "make the pattern's (?<version>…) match at least one character of the name");
                bad = true;
            }
            if (!direction.equals("up") && !direction.equals("down")) {
                out.problem(file, null, "direction '" + match.group("direction") + "'",
                        "up or down (any case) in the direction group",
                        "write the group so it captures only up or down, e.g. (?<direction>up|down)");
                bad = true;
            }
            if (!bad) {
                out.part(direction.equals("up"), new Part(key(version), version, name,
                        Scripts.read(folder, file, null, out)));
            }
        }
    }

    private static VersionKey key(String version) {
        if (DIGITS_AND_DASHES.matcher(version).matches()) {
            return VersionKey.of(version.replace("-", ""));
        }
        return VersionKey.dotted(version);
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        return new DefinitionProblem(up.file(), null, "no down script for version " + up.version(),
                "a file the naming pattern " + naming + " reads as direction down, version " + up.version(),
                "add it" + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        return new DefinitionProblem(down.file(), null, "a down script without an up for version " + down.version(),
                "a file the naming pattern " + naming + " reads as direction up, version " + down.version(),
                "add it, or fix the version of " + down.file());
    }
}
