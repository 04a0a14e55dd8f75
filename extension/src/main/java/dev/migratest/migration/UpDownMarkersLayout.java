package dev.migratest.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Single files {@code <n>_<name>.sql} with {@code -- UP} and {@code -- DOWN} lines (any case, {@code -- up:} too). */
final class UpDownMarkersLayout extends MarkerFileLayout {

    private static final Pattern MARKER = Pattern.compile("(?i)^--\\s*(up|down)\\s*(:.*)?$");

    @Override
    public Layout layout() {
        return Layout.UP_DOWN_MARKERS;
    }

    @Override
    Marker classify(String line) {
        Matcher match = MARKER.matcher(line);
        if (!match.matches()) {
            return null;
        }
        return Marker.of(match.group(1).toLowerCase(Locale.ROOT).equals("up") ? Marker.Kind.UP : Marker.Kind.DOWN);
    }

    @Override
    String marker(Marker.Kind kind) {
        return switch (kind) {
            case UP -> "-- UP";
            case DOWN -> "-- DOWN";
            default -> null;
        };
    }
}
