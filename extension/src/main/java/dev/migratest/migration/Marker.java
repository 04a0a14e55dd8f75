package dev.migratest.migration;

/**
 * A marker comment line in a single-file migration.
 *
 * @param kind          what the line marks
 * @param noTransaction for {@link Kind#UP} and {@link Kind#DOWN}: the marker itself says the section runs outside a
 *                      transaction (e.g. {@code -- migrate:up transaction:false})
 */
record Marker(Kind kind, boolean noTransaction) {

    enum Kind {
        /** Starts the up section. */
        UP,
        /** Starts the down section. */
        DOWN,
        /** The whole file runs outside a transaction ({@code -- +goose NO TRANSACTION}). */
        NO_TRANSACTION,
        /** Starts a block sent as one statement ({@code StatementBegin}). */
        BEGIN,
        /** Ends that block ({@code StatementEnd}). */
        END,
        /** A known annotation that does not matter here ({@code -- +goose ENVSUB ON}). */
        IGNORED,
        /** Looks like an annotation of the layout, but is none of its known ones. */
        UNKNOWN
    }

    static Marker of(Kind kind) {
        return new Marker(kind, false);
    }
}
