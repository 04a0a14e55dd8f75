package dev.migratest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON report, contract v1 (DESIGN.md): other tools read it, so fields are only ever added, never renamed.
 * Fields that later stages fill (locks, rewrites, scans, blocking, data diff, findings) are present and empty.
 */
public final class JsonReport {
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes {@code <directory>/<testClass>.json} and returns its path. */
    public static Path write(Path directory, String testClass, ReportHeader header, List<CycleResult> results)
            throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(testClass + ".json");
        MAPPER.writeValue(file.toFile(), toJson(header, results));
        return file;
    }

    static ObjectNode toJson(ReportHeader header, List<CycleResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode postgres = root.putObject("postgres");
        postgres.put("version", header.postgresVersion());
        postgres.put("provider", header.provider());
        ArrayNode migrations = root.putArray("migrations");
        for (CycleResult result : results) {
            migrations.add(migration(header, result));
        }
        return root;
    }

    private static ObjectNode migration(ReportHeader header, CycleResult r) {
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
        m.putArray("dataDiff");
        m.putArray("findings");
        ObjectNode rows = m.putObject("rows");
        r.rows().forEach(rows::put);
        return m;
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
            ObjectNode st = statements.addObject();
            st.put("line", s.line());
            st.put("sql", s.sql());
            st.put("durationMs", round(s.durationMs()));
            st.putArray("locks");
            st.putArray("rewrites");
            st.putArray("fullScans");
            st.putNull("blocked");
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static double round(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
