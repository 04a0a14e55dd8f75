package dev.migratest.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dbmate: {@code -- migrate:up} and {@code -- migrate:down}, each optionally with {@code transaction:false}. */
final class DbmateLayout extends MarkerFileLayout {

    private static final Pattern MARKER = Pattern.compile("(?i)^--\\s*migrate:(\\S*)(.*)$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?i)(^|\\s)transaction:false(\\s|$)");

    @Override
    public Layout layout() {
        return Layout.DBMATE;
    }

    @Override
    Marker classify(String line) {
        Matcher match = MARKER.matcher(line);
        if (!match.matches()) {
            return null;
        }
        boolean noTransaction = NO_TRANSACTION.matcher(match.group(2)).find();
        return switch (match.group(1).toLowerCase(Locale.ROOT)) {
            case "up" -> new Marker(Marker.Kind.UP, noTransaction);
            case "down" -> new Marker(Marker.Kind.DOWN, noTransaction);
            default -> Marker.of(Marker.Kind.UNKNOWN);
        };
    }

    @Override
    String marker(Marker.Kind kind) {
        return switch (kind) {
            case UP -> "-- migrate:up";
            case DOWN -> "-- migrate:down";
            default -> null;
        };
    }

    @Override
    String known() {
        return "-- migrate:up, -- migrate:down (each optionally followed by transaction:false)";
    }
}
