package dev.migratest.migration;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sql-migrate: {@code -- +migrate Up} / {@code -- +migrate Down}, each optionally {@code notransaction};
 * {@code -- +migrate StatementBegin} … {@code StatementEnd} is one statement. Files are named
 * {@code <version>-<name>.sql} or {@code <version>_<name>.sql} and ordered by the number; a name without a leading
 * number is its own version, after all numbered ones.
 */
final class SqlMigrateLayout extends MarkerFileLayout {

    private static final Pattern ANNOTATION = Pattern.compile("(?i)^--\\s*\\+migrate\\s+(\\S+)(.*)$");
    private static final Pattern NAME = Pattern.compile("^(?:(\\d+)[-_]?)?(.*)\\.sql$");

    @Override
    public Layout layout() {
        return Layout.SQL_MIGRATE;
    }

    @Override
    Optional<VersionedName> versionedName(String file) {
        Matcher match = NAME.matcher(file);
        if (!match.matches()) {
            return Optional.empty();
        }
        String version = match.group(1) != null ? match.group(1) : match.group(2);
        String name = match.group(1) != null ? match.group(2) : "";
        return Optional.of(new VersionedName(VersionKey.of(version), version, name));
    }

    @Override
    Marker classify(String line) {
        Matcher match = ANNOTATION.matcher(line);
        if (!match.matches()) {
            return null;
        }
        boolean noTransaction = match.group(2).strip().equalsIgnoreCase("notransaction");
        return switch (match.group(1).toLowerCase(Locale.ROOT)) {
            case "up" -> new Marker(Marker.Kind.UP, noTransaction);
            case "down" -> new Marker(Marker.Kind.DOWN, noTransaction);
            case "statementbegin" -> Marker.of(Marker.Kind.BEGIN);
            case "statementend" -> Marker.of(Marker.Kind.END);
            default -> Marker.of(Marker.Kind.UNKNOWN);
        };
    }

    @Override
    String marker(Marker.Kind kind) {
        return switch (kind) {
            case UP -> "-- +migrate Up";
            case DOWN -> "-- +migrate Down";
            case BEGIN -> "-- +migrate StatementBegin";
            case END -> "-- +migrate StatementEnd";
            default -> null;
        };
    }

    /**
     * sql-migrate (v1.8, migrate.go applyMigrations) runs a section's statements one by one in a transaction, with its
     * gorp_migrations row, unless the section's marker says {@code notransaction}.
     */
    @Override
    TransactionRule rule(String file, Marker.Kind section, String sectionReason, String fileReason) {
        if (sectionReason != null) {
            return TransactionRules.eachStatement(sectionReason);
        }
        return TransactionRules.transaction("sql-migrate runs each migration in a transaction unless its marker says"
                + " notransaction", "write " + marker(section) + " notransaction");
    }

    @Override
    String known() {
        return "-- +migrate Up, Down (each optionally followed by notransaction), StatementBegin, StatementEnd";
    }
}
