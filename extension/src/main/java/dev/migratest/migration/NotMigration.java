package dev.migratest.migration;

import java.util.Locale;

/** Why a file that a layout does not read is not a migration, judged from its name. */
final class NotMigration {

    private NotMigration() {
    }

    static String why(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(".gitkeep") || lower.equals(".keep")) {
            return "placeholder";
        }
        if (lower.startsWith(".")) {
            return "hidden file";
        }
        if (lower.startsWith("readme") || endsWithAny(lower, ".md", ".txt", ".rst", ".adoc")) {
            return "documentation";
        }
        if (lower.endsWith(".sum")) {
            return "checksum file";
        }
        if (lower.endsWith(".go")) {
            return "Go code, Go migrations are not supported";
        }
        if (endsWithAny(lower, ".toml", ".yaml", ".yml", ".json", ".conf", ".properties", ".ini", ".xml")) {
            return "configuration";
        }
        return "not a .sql file";
    }

    /** Whether the file is SQL by its extension (any case): such a file that a layout cannot read is misnamed. */
    static boolean isSql(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    private static boolean endsWithAny(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
