package dev.migratest.datagen;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One ordinary or partitioned table. Partitions are not tables of their own in the model: rows go through the
 * parent and PostgreSQL routes them.
 *
 * @param name          schema-qualified name
 * @param partitioned   whether it is a partitioned table
 * @param partitions    for a partitioned table: its partitions (all levels), sorted; otherwise empty
 * @param columns       live columns in column order
 * @param uniqueKeys    primary key first, then UNIQUE constraints, then unique indexes, each group by name
 * @param foreignKeys   foreign keys declared on this table, by name
 * @param checks        CHECK constraints, by name
 * @param estimatedRows {@code pg_class.reltuples} rounded, or -1 when PostgreSQL has no estimate yet
 * @param exactRows     {@code count(*)} when it was asked for; otherwise empty
 */
public record Table(TableName name, boolean partitioned, List<TableName> partitions, List<Column> columns,
                    List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                    long estimatedRows, OptionalLong exactRows) {

    public Table {
        partitions = List.copyOf(partitions);
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
    }

    /** A plain table for hand-built models. */
    public static Table of(TableName name, List<Column> columns, List<UniqueKey> uniqueKeys, List<ForeignKey> foreignKeys) {
        return new Table(name, false, List.of(), columns, uniqueKeys, foreignKeys, List.of(), -1, OptionalLong.empty());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<UniqueKey> primaryKey() {
        return uniqueKeys.stream().filter(k -> k.kind() == UniqueKey.Kind.PRIMARY_KEY).findFirst();
    }

    /**
     * Whether rows can carry NULL in this foreign key: under MATCH SIMPLE when at least one of its columns is
     * nullable, under MATCH FULL when all are.
     */
    public boolean canBeNull(ForeignKey fk) {
        List<String> nullable = nullableColumns(fk);
        return fk.matchFull() ? nullable.size() == fk.columns().size() : !nullable.isEmpty();
    }

    /** The columns of the key that accept NULL: those datagen sets to NULL to leave the key unset. */
    public List<String> nullableColumns(ForeignKey fk) {
        return fk.columns().stream().filter(c -> column(c).map(col -> !col.notNull()).orElse(false)).toList();
    }
}
