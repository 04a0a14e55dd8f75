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

    /**
     * dbmate (v2.35, pkg/dbmate/db.go) sends a section as one query through lib/pq: in a transaction with its version
     * row, or, with {@code transaction:false}, outside one, where PostgreSQL still runs several statements in one
     * implicit transaction.
     */
    @Override
    TransactionRule rule(String file, Marker.Kind section, String sectionReason, String fileReason) {
        String marker = marker(section);
        if (sectionReason != null) {
            return TransactionRules.oneQuery(sectionReason + ": dbmate sends the section as one query",
                    "move the statement into a migration of its own, alone in a section marked " + marker
                            + " transaction:false");
        }
        return TransactionRules.transaction("dbmate runs each section in a transaction unless its marker says"
                + " transaction:false", "write " + marker + " transaction:false and keep the statement alone in"
                + " that section (dbmate sends a section as one query, which PostgreSQL runs in one implicit"
                + " transaction when it holds several statements)");
    }

    @Override
    String known() {
        return "-- migrate:up, -- migrate:down (each optionally followed by transaction:false)";
    }
}
