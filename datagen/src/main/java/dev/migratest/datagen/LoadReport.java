package dev.migratest.datagen;

import java.util.List;

/**
 * What {@link DataLoader#load} did.
 *
 * @param tables  each loaded table in plan order
 * @param notes   what is not guaranteed (multi-column CHECKs, expression unique indexes…)
 * @param seconds wall time of the whole load, including deferred updates and sequence moves
 */
public record LoadReport(List<TableLoaded> tables, List<String> notes, double seconds) {

    /** One table: rows written by COPY and the seconds its COPY took. */
    public record TableLoaded(TableName table, long rows, double seconds) { }

    public LoadReport {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    /** Rows loaded into a table ({@code schema.table}), 0 when it was not loaded. */
    public long rows(String table) {
        return rows(TableName.parse(table));
    }

    /** Rows loaded into a table, 0 when it was not loaded. */
    public long rows(TableName table) {
        return tables.stream().filter(t -> t.table().equals(table)).mapToLong(TableLoaded::rows).sum();
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableLoaded::rows).sum();
    }
}
