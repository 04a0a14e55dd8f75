package dev.migratest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migratest.findings.Finding;
import dev.migratest.locks.Blocking;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.StatementTrace;
import dev.migratest.locks.TableActivity;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON report, contract v1 (DESIGN.md): other tools read it, so fields are only ever added, never renamed. Each
 * migration's {@code outcome} says how its rehearsal ended; {@code verdict}, {@code failedBecause} and
 * {@code skippedBecause} what its test decided.
 * A migration whose data was not checked has an empty {@code dataDiff} and {@code dataChecked: false}; an untraced statement has empty lock,
 * rewrite and scan lists and {@code blocked: null}. {@code noOp: true} marks a migration whose up holds no statement
 * (its phases list no statements, and that is no gap in the trace); {@code kind} is {@code VERSIONED},
 * {@code REPEATABLE} (Flyway's {@code R__}: UP and UP again, no DOWN) or {@code JAVA} (a Flyway Java migration, SKIPPED:
 * a gap in the rehearsed history).
 */
public final class JsonReport {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes {@code <directory>/<testClass>.json} and returns its path. */
    public static Path write(Path directory, String testClass, ReportHeader header, List<ReportedMigration> migrations)
            throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(testClass + ".json");
        MAPPER.writeValue(file.toFile(), toJson(header, migrations));
        return file;
    }

    static ObjectNode toJson(ReportHeader header, List<ReportedMigration> reported) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode postgres = root.putObject("postgres");
        postgres.put("version", header.postgresVersion());
        postgres.put("provider", header.provider());
        ArrayNode migrations = root.putArray("migrations");
        for (ReportedMigration migration : reported) {
            migrations.add(migration(header, migration));
        }
        return root;
    }

    private static ObjectNode migration(ReportHeader header, ReportedMigration reported) {
        CycleResult r = reported.result();
        ObjectNode m = MAPPER.createObjectNode();
        m.put("version", r.migration().version());
        m.put("name", r.migration().name());
        m.put("source", header.sourceOf(r.migration().up().file()));
        m.put("outcome", r.outcome().name());
        m.put("skipReason", r.skipReason());
        ArrayNode phases = m.putArray("phases");
        for (PhaseResult p : r.phases()) phases.add(phase(p));
        ObjectNode schemaDiff = m.putObject("schemaDiff");
        strings(schemaDiff.putArray("downVsBefore"), r.downVsBefore());
        strings(schemaDiff.putArray("reupVsUp"), r.reupVsUp());
        strings(schemaDiff.putArray("notes"), r.schemaNotes());
        ArrayNode dataDiff = m.putArray("dataDiff");
        if (r.data() != null) strings(dataDiff, r.data().lines());
        ArrayNode found = m.putArray("findings");
        for (Finding f : reported.findings()) finding(found.addObject(), f);
        ObjectNode rows = m.putObject("rows");
        r.rows().forEach(rows::put);
        m.put("dataChecked", r.data() != null);
        m.put("dataLossDeclared", r.data() == null ? null : r.data().declaredLoss());
        if (r.lockQueue() == null) {
            m.putNull("lockQueue");
        } else {
            var q = r.lockQueue();
            ObjectNode queue = m.putObject("lockQueue");
            strings(queue.putArray("tables"), q.tables());
            queue.put("verdict", q.verdict().name());
            queue.put("blockerHoldMs", round(q.blockerHoldMs()));
            queue.put("worstReaderStallMs", round(q.worstReaderStallMs()));
            queue.put("readerQueries", q.readerQueries());
            queue.put("migrationMs", round(q.migrationMs()));
            queue.put("migrationError", q.migrationError());
        }
        verdict(m, reported.verdict());
        m.put("kind", r.migration().kind().name());
        m.put("noOp", r.migration().noOp());
        return m;
    }

    /**
     * The test's verdict after the rehearsal's own fields: {@code outcome} says how up → down → up ended,
     * {@code verdict} what the migration's test decided (findings at failOn and the test method's assertions too).
     */
    private static void verdict(ObjectNode m, Verdict verdict) {
        m.put("verdict", verdict.status().name());
        ArrayNode because = m.putArray("failedBecause");
        for (FailureReason reason : verdict.failedBecause()) {
            ObjectNode node = because.addObject();
            node.put("kind", reason.kind().name());
            node.put("message", reason.message());
            node.put("test", reason.test());
            node.put("phase", reason.phase() == null ? null : reason.phase().name());
            node.put("file", reason.file());
            node.put("line", reason.line());
            node.put("sqlState", reason.sqlState());
            strings(node.putArray("differences"), reason.differences());
            ArrayNode findings = node.putArray("findings");
            for (Finding f : reason.findings()) finding(findings.addObject(), f);
        }
        m.put("skippedBecause", verdict.skippedBecause());
    }

    /** A finding, the same shape in {@code findings} and in a verdict's {@code failedBecause}. */
    private static void finding(ObjectNode node, Finding f) {
        node.put("rule", f.rule());
        node.put("severity", f.severity().name());
        node.put("phase", f.phase().name());
        node.put("line", f.line());
        node.put("message", f.message());
        node.put("advice", f.advice());
        node.put("file", f.file());
        node.put("relation", f.relation());
        node.put("silenced", f.silenced());
    }

    private static ObjectNode phase(PhaseResult p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("phase", p.phase().name());
        node.put("status", p.succeeded() ? "OK" : "ERROR");
        if (p.succeeded()) {
            node.putNull("error");
            node.putNull("errorLine");
        } else {
            node.put("error", p.error().describe());
            node.put("errorLine", p.error().line());
        }
        node.put("durationMs", round(p.durationMs()));
        node.put("transactional", p.transactional());
        ArrayNode statements = node.putArray("statements");
        for (StatementResult s : p.statements()) {
            statements.add(statement(s));
        }
        node.put("traceIncomplete", p.traceIncomplete());
        if (p.aftermath() == null) {
            node.putNull("aftermath");
        } else {
            ObjectNode left = node.putObject("aftermath");
            strings(left.putArray("invalidIndexes"), p.aftermath().invalidIndexes());
            strings(left.putArray("unindexedForeignKeys"), p.aftermath().unindexedForeignKeys());
            strings(left.putArray("notValidConstraints"), p.aftermath().notValidConstraints());
            strings(left.putArray("sequencesBehind"), p.aftermath().sequencesBehind());
            strings(left.putArray("oldQueriesFailing"), p.aftermath().oldQueriesFailing());
        }
        return node;
    }

    /** Contract fields first, as DESIGN.md lists them; the additions after. Untraced: empty lists and null. */
    private static ObjectNode statement(StatementResult s) {
        ObjectNode st = MAPPER.createObjectNode();
        st.put("line", s.line());
        st.put("sql", s.sql());
        st.put("durationMs", round(s.durationMs()));
        StatementTrace trace = s.trace();
        ArrayNode locks = st.putArray("locks");
        ArrayNode rewrites = st.putArray("rewrites");
        ArrayNode scans = st.putArray("fullScans");
        if (trace == null) {
            st.putNull("blocked");
        } else {
            trace.locks().forEach(l -> locks.add(lock(l)));
            strings(rewrites, trace.rewrites());
            strings(scans, trace.fullScans());
            st.set("blocked", blocked(trace.blocked()));
        }
        st.put("startMs", round(s.startMs()));
        st.put("traced", trace != null);
        st.put("lockTimeout", trace == null ? null : trace.lockTimeout());
        st.put("statementTimeout", trace == null ? null : trace.statementTimeout());
        ObjectNode rows = st.putObject("rowsChanged");
        if (trace != null && trace.activity() != null) {
            for (TableActivity a : trace.activity()) {
                if (a.rowsWritten() == 0) continue;
                ObjectNode t = rows.putObject(a.table());
                t.put("inserted", a.inserted());
                t.put("updated", a.updated());
                t.put("deleted", a.deleted());
            }
        }
        return st;
    }

    private static ObjectNode lock(LockHold l) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("relation", l.relation());
        node.put("mode", l.mode().pgName());
        node.put("heldMs", round(l.heldMs()));
        node.put("kind", l.object().kind().label());
        node.put("table", l.object().table());
        node.put("createdInPhase", l.object().createdInPhase());
        node.put("sinceMs", round(l.sinceMs()));
        if (l.waitedMs() == null) node.putNull("waitedMs");
        else node.put("waitedMs", round(l.waitedMs()));
        node.put("observed", l.observed());
        return node;
    }

    private static ObjectNode blocked(Blocking b) {
        ObjectNode node = MAPPER.createObjectNode();
        if (b.reads() == null) node.putNull("reads");
        else node.put("reads", b.reads());
        if (b.writes() == null) node.putNull("writes");
        else node.put("writes", b.writes());
        strings(node.putArray("readsBlockedOn"), b.readsBlockedOn());
        strings(node.putArray("writesBlockedOn"), b.writesBlockedOn());
        node.put("probed", b.probed());
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
