package dev.migratest.data;

/**
 * One column's data, reduced to what a comparison needs.
 *
 * @param column   the column's name
 * @param nonNull  how many rows hold a value (not NULL)
 * @param checksum an order-independent checksum of the values' text forms: equal multisets give equal checksums
 */
public record ColumnFingerprint(String column, long nonNull, long checksum) {
}
