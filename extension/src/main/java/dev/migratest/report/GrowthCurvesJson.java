package dev.migratest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migratest.report.GrowthCurve.Fit;
import dev.migratest.report.GrowthCurve.Model;
import dev.migratest.report.GrowthCurve.Point;
import dev.migratest.report.GrowthCurve.Prediction;
import dev.migratest.report.GrowthCurve.Quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * {@link GrowthCurves} to and from the growth JSON, format version {@value GrowthCurves#FORMAT_VERSION}. Both
 * directions live here so the writer (benchmarks) and the reader (the HTML report) cannot drift. Unknown fields are
 * ignored: the format is only ever extended. A problem is reported with the JSON path of the value that has it.
 */
final class GrowthCurvesJson {

    private GrowthCurvesJson() {
    }

    /** What is wrong with a growth file, and where in it ({@code curves[2].fit.model}). */
    static final class Malformed extends RuntimeException {
        Malformed(String path, String problem) {
            super(path.isEmpty() ? problem : path + ": " + problem);
        }
    }

    static ObjectNode toJson(ObjectMapper mapper, GrowthCurves file) {
        ObjectNode root = mapper.createObjectNode();
        root.put("formatVersion", GrowthCurves.FORMAT_VERSION);
        root.put("source", file.source());
        ArrayNode curves = root.putArray("curves");
        for (GrowthCurve c : file.curves()) {
            ObjectNode node = curves.addObject();
            node.put("migration", c.migration());
            node.put("phase", c.phase());
            node.put("benchmark", c.benchmark());
            ObjectNode params = node.putObject("params");
            c.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> params.put(e.getKey(), e.getValue()));
            node.put("metric", c.metric());
            node.put("unit", c.unit());
            ArrayNode points = node.putArray("points");
            c.points().forEach(p -> points.addObject().put("rows", p.rows()).put("value", p.value()));
            ObjectNode fit = node.putObject("fit");
            fit.put("model", c.fit().model().name());
            // For a person reading the file; the reader goes by "model".
            fit.put("formula", c.fit().model().formula());
            fit.put("a", c.fit().a());
            fit.put("b", c.fit().b());
            putOptional(fit, "rSquared", c.fit().rSquared());
            fit.put("quality", c.fit().quality().name());
            fit.put("reason", c.fit().reason());
            if (c.prediction().isEmpty()) {
                node.putNull("prediction");
            } else {
                Prediction p = c.prediction().get();
                ObjectNode prediction = node.putObject("prediction");
                prediction.put("table", p.table());
                prediction.put("rows", p.rows());
                putOptional(prediction, "value", p.value());
                prediction.put("quality", p.quality().name());
                prediction.put("caveat", p.caveat());
            }
        }
        return root;
    }

    static GrowthCurves fromJson(JsonNode root) {
        if (root.isArray()) {
            throw new Malformed("", "a JSON array, not a growth file; an array is what JMH writes with -rf json: "
                    + "turn it into a growth file with GrowthReport <jmh.json> --json <growth.json>");
        }
        if (!root.isObject()) {
            throw new Malformed("", "expected a JSON object with formatVersion and curves, got " + kind(root));
        }
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new Malformed("formatVersion", "expected the number " + GrowthCurves.FORMAT_VERSION + ", got "
                    + (version == null ? "nothing" : version.toString()));
        }
        if (version.intValue() != GrowthCurves.FORMAT_VERSION) {
            throw new Malformed("formatVersion", "this migratest reads format " + GrowthCurves.FORMAT_VERSION
                    + ", the file is format " + version.intValue()
                    + (version.intValue() > GrowthCurves.FORMAT_VERSION ? " (written by a newer migratest)" : ""));
        }
        String source = optionalText(root, "source", "");
        JsonNode curves = root.get("curves");
        if (curves == null || !curves.isArray()) {
            throw new Malformed("curves", "expected an array, got " + kind(curves));
        }
        List<GrowthCurve> read = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            read.add(curve(curves.get(i), "curves[" + i + "]"));
        }
        return new GrowthCurves(source, read);
    }

    private static GrowthCurve curve(JsonNode node, String path) {
        requireObject(node, path);
        List<Point> points = new ArrayList<>();
        JsonNode array = node.get("points");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new Malformed(path + ".points", "expected a non-empty array of {rows, value}, got " + kind(array));
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + ".points[" + i + "]";
            JsonNode point = array.get(i);
            requireObject(point, at);
            points.add(construct(at, () -> new Point(rows(point, at + ".rows"), number(point, at + ".value"))));
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            requireObject(paramsNode, path + ".params");
            paramsNode.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        Fit fit = fit(node.get("fit"), path + ".fit");
        Optional<Prediction> prediction = prediction(node.get("prediction"), path + ".prediction");
        return construct(path, () -> new GrowthCurve(text(node, path + ".migration"),
                text(node, path + ".phase"), optionalText(node, "benchmark", ""), params,
                text(node, path + ".metric"), optionalText(node, "unit", ""), points, fit, prediction));
    }

    private static Fit fit(JsonNode node, String path) {
        requireObject(node, path);
        Model model = enumValue(Model.class, node, path + ".model");
        return construct(path, () -> new Fit(model, number(node, path + ".a"), number(node, path + ".b"),
                optionalNumber(node, path + ".rSquared"), enumValue(Quality.class, node, path + ".quality"),
                optionalText(node, "reason", "")));
    }

    private static Optional<Prediction> prediction(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        requireObject(node, path);
        return Optional.of(construct(path, () -> new Prediction(optionalText(node, "table", ""),
                rows(node, path + ".rows"), optionalNumber(node, path + ".value"),
                enumValue(Quality.class, node, path + ".quality"), optionalText(node, "caveat", ""))));
    }

    /** Runs a record's constructor, turning its validation message into one that says where the bad value is. */
    private static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (Malformed e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Malformed(path, e.getMessage());
        }
    }

    private static long rows(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() <= 0) {
            throw new Malformed(path, "expected a positive whole number of rows, got " + kind(node));
        }
        return node.longValue();
    }

    private static double number(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || !node.isNumber()) {
            throw new Malformed(path, "expected a number, got " + kind(node));
        }
        return node.doubleValue();
    }

    private static OptionalDouble optionalNumber(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        return node == null || node.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(parent, path));
    }

    private static String text(JsonNode parent, String path) {
        JsonNode node = parent.get(leaf(path));
        if (node == null || !node.isTextual()) {
            throw new Malformed(path, "expected a string, got " + kind(node));
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode parent, String field, String absent) {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? absent : node.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode parent, String path) {
        String value = text(parent, path);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new Malformed(path, "unknown value \"" + value + "\", expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Malformed(path, "expected an object, got " + kind(node));
        }
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** What was found instead, short: the value itself when small, else its JSON type. */
    private static String kind(JsonNode node) {
        if (node == null) {
            return "nothing (missing)";
        }
        if (node.isValueNode()) {
            String text = node.toString();
            return text.length() <= 40 ? text : node.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        return node.isArray() ? "an array of " + node.size() + " elements" : "an object";
    }
}
