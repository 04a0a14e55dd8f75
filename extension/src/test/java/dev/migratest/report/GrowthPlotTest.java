package dev.migratest.report;

import dev.migratest.report.GrowthCurve.Fit;
import dev.migratest.report.GrowthCurve.Model;
import dev.migratest.report.GrowthCurve.Point;
import dev.migratest.report.GrowthCurve.Prediction;
import dev.migratest.report.GrowthCurve.Quality;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrowthPlotTest {
    private static final String CAVEAT = "extrapolating 20x beyond the largest measurement (1M rows)";

    @Test
    void drawsDurationAndBlockedWritesWithPointsFitAndPrediction() throws Exception {
        String svg = GrowthPlot.svg(List.of(
                curve("duration", "ms/op", new double[] {152, 200, 755}, Model.N_LOG_N, 149, 4.39e-5,
                        prediction(14_911, Quality.GOOD, CAVEAT)),
                curve("blocked.writesMs", "ms", new double[] {17, 102.5, 686}, Model.LINEAR, 22.6, 6.65e-4,
                        prediction(13_316, Quality.GOOD, CAVEAT))));
        Document doc = parse(svg);

        assertThat(text(doc, "/svg/@class")).isEqualTo("growth-plot");
        assertThat(text(doc, "/svg/@data-migration")).isEqualTo("15");
        assertThat(text(doc, "/svg/@width")).isEqualTo("600");
        assertThat(count(doc, "//*[@class='series']")).isEqualTo(2);
        assertThat(count(doc, "//*[@data-metric='blocked.writesMs']//*[@class='point']")).isEqualTo(3);
        assertThat(count(doc, "//*[@data-metric='blocked.writesMs']/*[@class='fit']")).isEqualTo(1);
        assertThat(count(doc, "//*[@data-metric='blocked.writesMs']/*[@class='fit-extension']")).isEqualTo(1);
        assertThat(text(doc, "//*[@data-metric='blocked.writesMs']/*[@class='prediction']/title"))
                .isEqualTo("writes blocked at 20M rows (orders): 13.3 s predicted. " + CAVEAT);
        assertThat(text(doc, "//*[@class='production']/text")).isEqualTo("orders 20M");
        assertThat(legendTexts(doc)).contains("duration", "n log n fit, R² 1.000", "at 20M: 14.9 s",
                "writes blocked", "linear fit, R² 0.999", "at 20M: 13.3 s");
        assertThat(axisLabels(doc)).contains("10k", "100k", "1M", "10M", "100 ms", "1 s", "10 s");
        assertThat(svg).doesNotContain("<script", "<style", "href");
    }

    @Test
    void anUnreliablePredictionIsDrawnDashedAndSaysSo() throws Exception {
        Document doc = parse(GrowthPlot.svg(List.of(curve("blocked.writesMs", "ms", new double[] {17, 102.5, 686},
                Model.LINEAR, 22.6, 6.65e-4, prediction(665_000, Quality.POOR, "extrapolating 1,000x beyond …")))));

        assertThat(text(doc, "//*[@class='prediction unreliable']/@stroke-dasharray")).isEqualTo("2 2");
        assertThat(legendTexts(doc)).contains("at 1B: ~665 s, unreliable");
    }

    @Test
    void withoutAPredictionThereIsNoPredictedPointAndNoProductionLine() throws Exception {
        Document doc = parse(GrowthPlot.svg(List.of(curve("blocked.writesMs", "ms", new double[] {17, 102.5, 686},
                Model.LINEAR, 22.6, 6.65e-4, Optional.empty()))));

        assertThat(count(doc, "//*[@class='point']")).isEqualTo(3);
        assertThat(count(doc, "//*[starts-with(@class, 'prediction')]")).isZero();
        assertThat(count(doc, "//*[@class='fit-extension']")).isZero();
        assertThat(count(doc, "//*[@class='production']")).isZero();
        assertThat(legendTexts(doc)).noneMatch(t -> t.startsWith("at "));
    }

    @Test
    void aFitTooPoorToPredictFromShowsTheProductionLineButNoPoint() throws Exception {
        Prediction none = new Prediction("orders", 20_000_000, OptionalDouble.empty(), Quality.POOR,
                "too poor to predict: underdetermined");
        GrowthCurve poor = new GrowthCurve("15", "UP", "b.MigrationBenchmark.migrate", Map.of(), "duration", "ms/op",
                List.of(new Point(1_000, 48.1), new Point(20_000, 162.4)),
                new Fit(Model.LINEAR, 42, 0.006, OptionalDouble.of(1), Quality.POOR,
                        "underdetermined: only 2 volumes, which any two-coefficient model fits exactly"),
                Optional.of(none));

        Document doc = parse(GrowthPlot.svg(List.of(poor)));

        assertThat(count(doc, "//*[starts-with(@class, 'prediction')]")).isZero();
        assertThat(count(doc, "//*[@class='production']")).isEqualTo(1);
        assertThat(text(doc, "//*[@class='fit']/@stroke-dasharray")).isNotEmpty();
        assertThat(legendTexts(doc)).contains("at 20M: no prediction");
        // Wrapped over two legend lines; read as one.
        assertThat(String.join(" ", legendTexts(doc))).contains("R² 1.000, POOR: underdetermined");
    }

    @Test
    void markupInNamesAndCaveatsIsShownAsText() throws Exception {
        String svg = GrowthPlot.svg(List.of(curve("<b>bold</b>Ms", "ms", new double[] {1, 10, 100}, Model.LINEAR,
                0, 1e-4, prediction(2000, Quality.POOR, "caveat <b>not bold</b> & \"quoted\"")))
                .stream().map(c -> new GrowthCurve("1\"><script>", c.phase(), c.benchmark(), c.params(), c.metric(),
                        c.unit(), c.points(), c.fit(), c.prediction())).toList());

        assertThat(svg).doesNotContain("<b>", "<script>")
                .contains("&lt;b&gt;bold&lt;/b&gt;Ms", "caveat &lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;")
                .contains("data-migration=\"1&quot;&gt;&lt;script&gt;\"");
        Document doc = parse(svg);
        assertThat(text(doc, "/svg/@data-migration")).isEqualTo("1\"><script>");
        assertThat(text(doc, "//*[starts-with(@class, 'prediction')]/title")).contains("caveat <b>not bold</b>");
    }

    @Test
    void metricsThatAreZeroEverywhereAreNamedNotDrawnAndCopiesShareOneLine() throws Exception {
        Document doc = parse(GrowthPlot.svg(List.of(
                curve("blocked.writesMs", "ms", new double[] {17, 102.5, 686}, Model.LINEAR, 22.6, 6.65e-4,
                        Optional.empty()),
                curve("lock.ShareLock.maxHeldMs", "ms", new double[] {17.1, 102.5, 686.1}, Model.LINEAR, 22.6,
                        6.65e-4, Optional.empty()),
                curve("blocked.readsMs", "ms", new double[] {0, 0, 0}, Model.CONSTANT, 0, 0, Optional.empty()))));

        assertThat(count(doc, "//*[@class='series']")).isEqualTo(1);
        assertThat(legendTexts(doc)).contains("writes blocked", "= ShareLock held", "0 at every volume: reads blocked");
    }

    @Test
    void secondsAreDrawnInMillisecondsAndAPhaseLabelsItsSeriesWhenPhasesDiffer() throws Exception {
        GrowthCurve up = curve("duration", "s/op", new double[] {0.152, 0.2, 0.755}, Model.LINEAR, 0.1, 6.5e-7,
                Optional.empty());
        GrowthCurve down = new GrowthCurve("15", "DOWN", up.benchmark(), up.params(), "duration", "ms/op",
                up.points().stream().map(p -> new Point(p.rows(), p.value() * 100)).toList(),
                new Fit(Model.CONSTANT, 40, 0, OptionalDouble.empty(), Quality.GOOD, ""), Optional.empty());

        Document doc = parse(GrowthPlot.svg(List.of(up, down)));

        assertThat(text(doc, "//*[@class='series'][1]/*[@class='point'][1]/title"))
                .isEqualTo("UP duration: 152 ms measured at 10k rows");
        assertThat(legendTexts(doc)).contains("UP duration", "DOWN duration", "constant fit");
    }

    @Test
    void refusesNoCurvesAndCurvesOfSeveralMigrations() {
        GrowthCurve fifteen = curve("duration", "ms", new double[] {1, 2, 3}, Model.LINEAR, 0, 1, Optional.empty());
        GrowthCurve six = new GrowthCurve("6", "UP", "", Map.of(), "duration", "ms", fifteen.points(), fifteen.fit(),
                Optional.empty());

        assertThatThrownBy(() -> GrowthPlot.svg(List.of())).hasMessage("no growth curves to plot");
        assertThatThrownBy(() -> GrowthPlot.svg(List.of(fifteen, six)))
                .hasMessage("one plot per migration, got curves of migrations [15, 6]");
    }

    private static GrowthCurve curve(String metric, String unit, double[] values, Model model, double a, double b,
                                     Optional<Prediction> prediction) {
        return new GrowthCurve("15", "UP", "dev.migratest.benchmarks.locks.MigrationBenchmark.migrate",
                Map.of("seed", "1"), metric, unit,
                List.of(new Point(10_000, values[0]), new Point(100_000, values[1]), new Point(1_000_000, values[2])),
                new Fit(model, a, b, model == Model.CONSTANT ? OptionalDouble.empty()
                        : OptionalDouble.of(model == Model.LINEAR ? 0.999 : 0.99999), Quality.GOOD, "good"),
                prediction);
    }

    private static Optional<Prediction> prediction(double value, Quality quality, String caveat) {
        long rows = quality == Quality.GOOD ? 20_000_000 : 1_000_000_000;
        return Optional.of(new Prediction("orders", rows, OptionalDouble.of(value), quality, caveat));
    }

    /** Parsing also proves the SVG is well-formed XML, which inline SVG in HTML does not check for us. */
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static String text(Document doc, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
    }

    private static int count(Document doc, String xpath) throws Exception {
        return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + xpath + ")", doc,
                XPathConstants.NUMBER)).intValue();
    }

    private static List<String> legendTexts(Document doc) throws Exception {
        return texts(doc, "//*[@class='legend-entry' or @class='zero']/text");
    }

    private static List<String> axisLabels(Document doc) throws Exception {
        return texts(doc, "/svg/text");
    }

    private static List<String> texts(Document doc, String xpath) throws Exception {
        org.w3c.dom.NodeList nodes = (org.w3c.dom.NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(xpath, doc, XPathConstants.NODESET);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
