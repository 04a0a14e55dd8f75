package dev.migratest.locks;

/** What a locked object is; indexes and toast tables are named as such because their locks act on their table. */
public enum ObjectKind {
    TABLE, PARTITIONED_TABLE, INDEX, PARTITIONED_INDEX, TOAST_TABLE, SEQUENCE, VIEW, MATERIALIZED_VIEW,
    FOREIGN_TABLE, COMPOSITE_TYPE, TYPE, OTHER;

    static ObjectKind ofRelkind(String relkind) {
        if (relkind == null) return OTHER;
        switch (relkind) {
            case "r": return TABLE;
            case "p": return PARTITIONED_TABLE;
            case "i": return INDEX;
            case "I": return PARTITIONED_INDEX;
            case "t": return TOAST_TABLE;
            case "S": return SEQUENCE;
            case "v": return VIEW;
            case "m": return MATERIALIZED_VIEW;
            case "f": return FOREIGN_TABLE;
            case "c": return COMPOSITE_TYPE;
            default: return OTHER;
        }
    }

    /** Holds rows an application reads and writes: the probes try these. */
    public boolean holdsRows() {
        return this == TABLE || this == PARTITIONED_TABLE || this == MATERIALIZED_VIEW;
    }

    /** Its lock acts on the table it belongs to (an index, a toast table). */
    public boolean belongsToTable() {
        return this == INDEX || this == PARTITIONED_INDEX || this == TOAST_TABLE;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
