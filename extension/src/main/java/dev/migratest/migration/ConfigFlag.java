package dev.migratest.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a setting line in a layout's side file, e.g. {@code executeInTransaction=false} in Flyway's
 * {@code V3__x.sql.conf} or {@code run_in_transaction = false} in diesel's {@code metadata.toml}.
 */
final class ConfigFlag {

    private ConfigFlag() {
    }

    /**
     * A setting line found, with the value its pattern's first group caught.
     *
     * @param value the first group of the pattern, e.g. {@code "false"}
     * @param place the line stripped, named with its place, e.g.
     *              {@code "run_in_transaction = false (1_x/metadata.toml line 2)"}
     */
    record Found(String value, String place) {
    }

    /** The first line of {@code file} that matches {@code setting}, whose first group is the value. */
    static Optional<Found> first(MigrationFolder folder, String file, Pattern setting, Collected out) {
        String[] lines = folder.text(file, out).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher matcher = setting.matcher(line);
            if (matcher.matches()) {
                String value = matcher.groupCount() > 0 ? matcher.group(1) : null;
                return Optional.of(new Found(value, line + " (" + file + " line " + (i + 1) + ")"));
            }
        }
        return Optional.empty();
    }
}
