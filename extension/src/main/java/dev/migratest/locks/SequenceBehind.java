package dev.migratest.locks;

import java.math.BigDecimal;

/**
 * A sequence owned by a column (serial or identity) whose next value would collide with a row already there.
 *
 * @param sequence  schema-qualified, e.g. {@code public.orders_id_seq}
 * @param table     the owning column's table, schema-qualified
 * @param column    the owning column, {@code schema.table.column}
 * @param lastValue the sequence's last value, {@code null} when it never gave one
 * @param largest   the column's largest value
 */
public record SequenceBehind(String sequence, String table, String column, Long lastValue, BigDecimal largest) {

    /** {@code public.orders_id_seq at 5000 < max(public.orders.id) 6000}: the form reports have always used. */
    public String describe() {
        return sequence + " at " + (lastValue == null ? 0 : lastValue) + " < max(" + column + ") "
                + largest.toPlainString();
    }
}
