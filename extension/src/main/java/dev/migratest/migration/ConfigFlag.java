package dev.migratest.migration;

import java.util.regex.Pattern;

/**
 * Finds a setting line in a layout's side file, e.g. {@code executeInTransaction=false} in Flyway's
 * {@code V3__x.sql.conf} or {@code run_in_transaction = false} in diesel's {@code metadata.toml}.
 */
final class ConfigFlag {

    private ConfigFlag() {
    }

    /**
     * The first line of {@code file} that matches {@code setting} (compared stripped), named with its place, e.g.
     * {@code "run_in_transaction = false (1_x/metadata.toml line 2)"}; {@code null} when no line matches.
     */
    static String find(MigrationFolder folder, String file, Pattern setting, Collected out) {
        String[] lines = folder.text(file, out).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (setting.matcher(line).matches()) {
                return line + " (" + file + " line " + (i + 1) + ")";
            }
        }
        return null;
    }
}
