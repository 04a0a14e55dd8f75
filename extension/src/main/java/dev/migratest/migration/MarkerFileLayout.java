package dev.migratest.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The single-file layouts: {@code <version>_<name>.sql} at the top level, with marker lines that start the up and the
 * down section. Subclasses say which lines are markers.
 */
abstract class MarkerFileLayout implements LayoutReader {

    private static final Pattern NAME = Pattern.compile("^(\\d+)_(.*)\\.sql$");

    /** A file's version and name, as this layout reads them from the file name. */
    record VersionedName(VersionKey key, String version, String name) {
    }

    /** What a comment line (already stripped, starting with {@code --}) marks; {@code null} when it is no marker. */
    abstract Marker classify(String line);

    /** How a marker is written, e.g. {@code -- +goose Up}, for messages; {@code null} for kinds the layout lacks. */
    abstract String marker(Marker.Kind kind);

    /**
     * How the layout's tool runs one section of {@code file}; by default no tool rule is modelled (migratest's own).
     *
     * @param section       {@link Marker.Kind#UP} or {@link Marker.Kind#DOWN}
     * @param sectionReason the section's own marker says no transaction, e.g. {@code "-- migrate:up transaction:false
     *                      (line 1)"}; {@code null} when it does not
     * @param fileReason    a marker for the whole file says so ({@code -- +goose NO TRANSACTION}); {@code null} when none
     */
    TransactionRule rule(String file, Marker.Kind section, String sectionReason, String fileReason) {
        return TransactionRules.own(sectionReason != null ? sectionReason : fileReason);
    }

    /** The layout's annotations, for the message about an unknown one. */
    String known() {
        return marker(Marker.Kind.UP) + ", " + marker(Marker.Kind.DOWN);
    }

    Optional<VersionedName> versionedName(String file) {
        Matcher match = NAME.matcher(file);
        return match.matches()
                ? Optional.of(new VersionedName(VersionKey.of(match.group(1)), match.group(1), match.group(2)))
                : Optional.empty();
    }

    @Override
    public String form() {
        return "<version>_<name>.sql with " + marker(Marker.Kind.UP) + " and " + marker(Marker.Kind.DOWN) + " lines";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> MigrationFolder.topLevel(file) && NotMigration.isSql(file)
                        && !file.endsWith(".up.sql") && !file.endsWith(".down.sql"))
                .filter(file -> folder.anyLine(file, line -> {
                    String stripped = line.strip();
                    if (!stripped.startsWith("--")) return false;
                    Marker m = classify(stripped);
                    return m != null && (m.kind() == Marker.Kind.UP || m.kind() == Marker.Kind.DOWN);
                }))
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        for (String file : folder.files()) {
            Optional<VersionedName> name = versionedName(file);
            if (!MigrationFolder.topLevel(file)) {
                out.skip(file, "in a sub-directory, " + layout() + " reads only the top level");
            } else if (name.isPresent()) {
                MarkerFile.Halves halves = folder
                        .read(file, out, (text, found) -> MarkerFile.parse(file, text, this, found))
                        .orElseGet(() -> MarkerFile.unreadable(file));
                VersionedName n = name.get();
                if (halves.up() != null) {
                    out.up(new Part(n.key(), n.version(), n.name(), halves.up()));
                    if (halves.down() != null) {
                        out.down(new Part(n.key(), n.version(), n.name(), halves.down()));
                    }
                }
            } else if (NotMigration.isSql(file)) {
                NameGuess guess = NameGuess.of(file);
                out.problem(file, null, "a file name that is not " + nameForm(), form(),
                        "rename it, e.g. to " + guess.number() + "_" + guess.description() + ".sql");
            } else {
                out.skip(file);
            }
        }
    }

    /** The name part of the form, for the misnamed-file message. */
    String nameForm() {
        return "<version>_<name>.sql";
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        String down = marker(Marker.Kind.DOWN);
        return new DefinitionProblem(up.file(), null, "no " + down + " section",
                "a " + down + " line followed by the statements that undo the up section",
                "add a " + down + " section" + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        throw new IllegalStateException("a marker file without up is reported while parsing: " + down.file());
    }
}
