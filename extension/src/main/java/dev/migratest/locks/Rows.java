package dev.migratest.locks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the tracer's result sets into values. */
final class Rows {

    private Rows() {
    }

    static List<LockRow> locks(ResultSet rs) throws SQLException {
        List<LockRow> rows = new ArrayList<>();
        while (rs.next()) {
            LockMode mode = LockMode.fromPg(rs.getString(1));
            if (mode == null) continue;
            String relkind = rs.getString(4);
            String name = rs.getString(5);
            ObjectKind kind = "y".equals(relkind) ? ObjectKind.TYPE : ObjectKind.ofRelkind(relkind);
            LockedObject object = name == null ? null : new LockedObject(name, kind, rs.getString(9), false);
            double waited = rs.getDouble(10);
            rows.add(new LockRow(rs.getLong(3), object, mode, rs.getBoolean(2), rs.getLong(6), rs.getLong(7),
                    rs.getLong(8), rs.wasNull() ? null : waited));
        }
        return rows;
    }

    /** Activity counters per table OID. */
    static Map<Long, TableActivity> activity(ResultSet rs) throws SQLException {
        Map<Long, TableActivity> rows = new LinkedHashMap<>();
        while (rs.next()) {
            rows.put(rs.getLong(1), new TableActivity(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6)));
        }
        return rows;
    }

    /** What happened between two readings of the counters, tables without change left out. */
    static List<TableActivity> delta(Map<Long, TableActivity> before, Map<Long, TableActivity> after) {
        List<TableActivity> changes = new ArrayList<>();
        after.forEach((oid, now) -> {
            TableActivity then = before.get(oid);
            TableActivity d = then == null ? now : new TableActivity(now.table(), now.seqScans() - then.seqScans(),
                    now.inserted() - then.inserted(), now.updated() - then.updated(), now.deleted() - then.deleted());
            if (d.seqScans() > 0 || d.rowsWritten() > 0) changes.add(d);
        });
        return changes;
    }

    static Map<Long, TableActivity> sum(Map<Long, TableActivity> a, Map<Long, TableActivity> b) {
        Map<Long, TableActivity> out = new LinkedHashMap<>(a);
        b.forEach((oid, x) -> out.merge(oid, x, (p, q) -> new TableActivity(p.table(), p.seqScans() + q.seqScans(),
                p.inserted() + q.inserted(), p.updated() + q.updated(), p.deleted() + q.deleted())));
        return out;
    }

    static Map<Long, TableActivity> minus(Map<Long, TableActivity> a, Map<Long, TableActivity> b) {
        Map<Long, TableActivity> out = new LinkedHashMap<>(a);
        b.forEach((oid, x) -> out.computeIfPresent(oid, (k, p) -> new TableActivity(p.table(),
                p.seqScans() - x.seqScans(), p.inserted() - x.inserted(), p.updated() - x.updated(),
                p.deleted() - x.deleted())));
        return out;
    }
}
