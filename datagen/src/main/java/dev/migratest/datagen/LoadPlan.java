package dev.migratest.datagen;

import java.util.List;

/**
 * The order in which to load tables and what to do about foreign keys that cannot be filled at insert time.
 * Execute the steps in order; each step's tables in order; then that step's updates.
 *
 * @param steps one step per table, or one per foreign-key cycle
 */
public record LoadPlan(List<Step> steps) {

    public LoadPlan {
        steps = List.copyOf(steps);
    }

    /**
     * Tables loaded together.
     *
     * @param tables           in load order: every table referenced by a foreign key of a table comes before it,
     *                         except the keys listed in {@link TableLoad#nullUntilUpdated()} and, when
     *                         {@code deferConstraints}, deferrable ones
     * @param deferConstraints load the whole step (tables and updates) in one transaction that starts with
     *                         {@code SET CONSTRAINTS ALL DEFERRED}: a cycle of NOT NULL keys, made possible by a
     *                         DEFERRABLE key in it
     * @param updates          run after all tables of the step are loaded: set the keys loaded as NULL
     */
    public record Step(List<TableLoad> tables, boolean deferConstraints, List<DeferredUpdate> updates) {
        public Step {
            tables = List.copyOf(tables);
            updates = List.copyOf(updates);
        }
    }

    /**
     * One table to load.
     *
     * @param table            the table
     * @param rows             how many rows to generate
     * @param nullUntilUpdated foreign keys loaded as NULL (their nullable columns) because the referenced table is
     *                         loaded later in the same cycle; the step's {@link DeferredUpdate}s set them
     * @param alwaysNull       nullable foreign keys left NULL because the referenced table gets 0 rows
     * @param selfReferences   foreign keys to the table itself: a row points at an earlier (or its own) row, or NULL
     */
    public record TableLoad(Table table, long rows, List<ForeignKey> nullUntilUpdated, List<ForeignKey> alwaysNull,
                            List<ForeignKey> selfReferences) {
        public TableLoad {
            nullUntilUpdated = List.copyOf(nullUntilUpdated);
            alwaysNull = List.copyOf(alwaysNull);
            selfReferences = List.copyOf(selfReferences);
        }
    }

    /**
     * After a cycle is loaded: {@code UPDATE table SET columns = …} so that {@code foreignKey} points at rows of
     * its referenced table.
     *
     * @param columns the key columns that were loaded as NULL (the nullable ones)
     */
    public record DeferredUpdate(TableName table, ForeignKey foreignKey, List<String> columns) {
        public DeferredUpdate {
            columns = List.copyOf(columns);
        }
    }

    /** All tables in load order. */
    public List<TableLoad> tables() {
        return steps.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /** The qualified names in load order (for tests and logs). */
    public List<String> order() {
        return tables().stream().map(t -> t.table().name().toString()).toList();
    }
}
