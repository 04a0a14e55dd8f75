package dev.migratest.migration;

/**
 * One migration as the user wrote it.
 *
 * @param version the version as written in the file name (e.g. {@code "3"}, {@code "1.2"}, {@code "20240115120000"})
 * @param name    the description part of the name (e.g. {@code "add_email_index"})
 * @param up      the forward script
 * @param down    the reverse script, {@code null} for a forward-only migration
 * @param kind    what the tool does with it: a versioned migration, a Flyway repeatable one, or a Java migration
 *                migratest cannot run
 */
public record Migration(String version, String name, Script up, Script down, Kind kind) {

    /** What a migration is to its tool, and so how it is rehearsed. */
    public enum Kind {
        /** Runs once, in version order: up → down → up. */
        VERSIONED,
        /**
         * A Flyway repeatable ({@code R__x.sql}): applied after every versioned migration, in description order, and
         * applied again whenever its checksum changes. Rehearsed as UP then UP again (what a changed repeatable meets:
         * its own earlier version); it has no down, so its reversibility is not claimed.
         */
        REPEATABLE,
        /**
         * A Flyway Java migration ({@code V3__Backfill.class} or {@code .java}): migratest runs SQL only, so it is not
         * rehearsed and every later migration runs without what it does. A gap in the history, reported loudly.
         */
        JAVA
    }

    /** A versioned migration. */
    public Migration(String version, String name, Script up, Script down) {
        this(version, name, up, down, Kind.VERSIONED);
    }

    public boolean forwardOnly() {
        return down == null;
    }

    /**
     * Whether its up runs no statement (an empty or comment-only file kept in the history); never for a Java
     * migration, whose code migratest cannot see.
     */
    public boolean noOp() {
        return kind != Kind.JAVA && up.noOp();
    }

    /** How the migration is named in test trees and reports: {@code "<version> <name>"}. */
    public String displayName() {
        return name.isEmpty() ? version : version + " " + name;
    }
}
