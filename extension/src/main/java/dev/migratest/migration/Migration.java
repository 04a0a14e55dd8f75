package dev.migratest.migration;

/**
 * One migration as the user wrote it.
 *
 * @param version the version as written in the file name (e.g. {@code "3"}, {@code "1.2"}, {@code "20240115120000"})
 * @param name    the description part of the name (e.g. {@code "add_email_index"})
 * @param up      the forward script
 * @param down    the reverse script, {@code null} for a forward-only migration
 */
public record Migration(String version, String name, Script up, Script down) {

    public boolean forwardOnly() {
        return down == null;
    }

    /** Whether its up runs no statement (an empty or comment-only file kept in the history). */
    public boolean noOp() {
        return up.noOp();
    }

    /** How the migration is named in test trees and reports: {@code "<version> <name>"}. */
    public String displayName() {
        return name.isEmpty() ? version : version + " " + name;
    }
}
