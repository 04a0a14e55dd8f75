package dev.migratest.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * goose: {@code -- +goose Up} / {@code -- +goose Down}; {@code -- +goose NO TRANSACTION} anywhere makes the whole file
 * non-transactional; {@code -- +goose StatementBegin} … {@code StatementEnd} is one statement.
 */
final class GooseLayout extends MarkerFileLayout {

    private static final Pattern ANNOTATION = Pattern.compile("(?i)^--\\s*\\+goose\\s+(.*)$");

    @Override
    public Layout layout() {
        return Layout.GOOSE;
    }

    @Override
    Marker classify(String line) {
        Matcher match = ANNOTATION.matcher(line);
        if (!match.matches()) {
            return null;
        }
        return switch (match.group(1).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)) {
            case "up" -> Marker.of(Marker.Kind.UP);
            case "down" -> Marker.of(Marker.Kind.DOWN);
            case "no transaction" -> Marker.of(Marker.Kind.NO_TRANSACTION);
            case "statementbegin" -> Marker.of(Marker.Kind.BEGIN);
            case "statementend" -> Marker.of(Marker.Kind.END);
            case "envsub on", "envsub off" -> Marker.of(Marker.Kind.IGNORED);
            default -> Marker.of(Marker.Kind.UNKNOWN);
        };
    }

    @Override
    String marker(Marker.Kind kind) {
        return switch (kind) {
            case UP -> "-- +goose Up";
            case DOWN -> "-- +goose Down";
            case NO_TRANSACTION -> "-- +goose NO TRANSACTION";
            case BEGIN -> "-- +goose StatementBegin";
            case END -> "-- +goose StatementEnd";
            default -> null;
        };
    }

    /**
     * goose (v3.27, provider_run.go) runs a file's statements one by one in a transaction, with its version row, unless
     * the file says {@code -- +goose NO TRANSACTION}; then each statement runs on its own.
     */
    @Override
    TransactionRule rule(String file, Marker.Kind section, String sectionReason, String fileReason) {
        if (fileReason != null) {
            return TransactionRules.eachStatement(fileReason);
        }
        return TransactionRules.transaction("goose runs each migration in a transaction unless its file says"
                + " -- +goose NO TRANSACTION", "add the line -- +goose NO TRANSACTION to " + file
                + " (it takes both up and down out of the transaction)");
    }

    @Override
    String known() {
        return "-- +goose Up, Down, NO TRANSACTION, StatementBegin, StatementEnd, ENVSUB ON, ENVSUB OFF";
    }
}
