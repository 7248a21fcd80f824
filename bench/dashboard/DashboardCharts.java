import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the panels of server-config/grafana/stateless-mcp.json from a file of Prometheus scrapes (bench/dashboard.sh
 * writes it: each scrape is a line {@code # scrape <epoch millis>} followed by the text of
 * {@code /metrics?scope=application}), computing each panel's value as its PromQL does: {@code rate(x[w])} is
 * (last - first) / (their time apart) over the samples of the last w seconds (without Prometheus's extrapolation to the
 * window's edges), summed by the panel's labels; {@code histogram_quantile} interpolates linearly inside the bucket
 * that holds the rank, as Prometheus does; gauges are summed as scraped.
 *
 * <p>usage: java -cp <xchart's classpath> DashboardCharts.java scrapes.txt window-seconds out.png
 */
public class DashboardCharts {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String label) {
            return labels.getOrDefault(label, "");
        }

        /** The series' identity: its name and every label. */
        String key() {
            return name + labels;
        }
    }

    record Scrape(double seconds, List<Sample> samples) {
    }

    /** One line of a panel: its legend and points. */
    record Line(String legend, List<Double> x, List<Double> y) {
    }

    private final List<Scrape> scrapes;
    private final double window;

    DashboardCharts(List<Scrape> scrapes, double window) {
        this.scrapes = scrapes;
        this.window = window;
    }

    public static void main(String[] args) throws IOException {
        List<Scrape> scrapes = read(Path.of(args[0]));
        DashboardCharts charts = new DashboardCharts(scrapes, Double.parseDouble(args[1]));
        charts.draw(Path.of(args[2]));
    }

    static List<Scrape> read(Path file) throws IOException {
        List<Scrape> scrapes = new ArrayList<>();
        double start = Double.NaN;
        List<Sample> current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# scrape ")) {
                double millis = Double.parseDouble(line.substring(9).strip());
                start = Double.isNaN(start) ? millis : start;
                current = new ArrayList<>();
                scrapes.add(new Scrape((millis - start) / 1000, current));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (current != null && !line.startsWith("#") && sample.matches()) {
                Map<String, String> labels = new TreeMap<>();
                if (sample.group(2) != null) {
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        if (!label.group(1).equals("mp_scope")) {
                            labels.put(label.group(1), label.group(2));
                        }
                    }
                }
                current.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
        }
        return scrapes;
    }

    /**
     * {@code sum by (group) (rate(name{filter}[window]))} at each scrape: per series, (last - first) / (time apart)
     * of its samples in the window, as long as it has two.
     */
    Map<String, Line> rate(String name, Predicate<Sample> filter, Function<Sample, String> group) {
        Map<String, Line> lines = new TreeMap<>();
        for (int i = 0; i < scrapes.size(); i++) {
            Scrape now = scrapes.get(i);
            if (now.seconds() < window - 0.5) {
                continue;
            }
            Map<String, Double> sums = rates(i, name, filter, group);
            for (Map.Entry<String, Double> sum : sums.entrySet()) {
                Line line = lines.computeIfAbsent(sum.getKey(),
                        key -> new Line(key, new ArrayList<>(), new ArrayList<>()));
                line.x().add(now.seconds());
                line.y().add(sum.getValue());
            }
        }
        return lines;
    }

    /** The rates at scrape {@code i}, summed by group. */
    private Map<String, Double> rates(int i, String name, Predicate<Sample> filter, Function<Sample, String> group) {
        Scrape now = scrapes.get(i);
        Map<String, Double> sums = new TreeMap<>();
        for (Sample last : now.samples()) {
            if (!last.name().equals(name) || !filter.test(last)) {
                continue;
            }
            Scrape firstScrape = null;
            Sample first = null;
            for (int j = i - 1; j >= 0 && scrapes.get(j).seconds() > now.seconds() - window - 0.5; j--) {
                for (Sample earlier : scrapes.get(j).samples()) {
                    if (earlier.key().equals(last.key())) {
                        firstScrape = scrapes.get(j);
                        first = earlier;
                    }
                }
            }
            if (first != null) {
                double rate = (last.value() - first.value()) / (now.seconds() - firstScrape.seconds());
                sums.merge(group.apply(last), rate, Double::sum);
            }
        }
        return sums;
    }

    /** {@code histogram_quantile(q, sum by (le, group) (rate(<name>_bucket[window])))}. */
    Map<String, Line> quantile(double q, String bucket, Function<Sample, String> group, String legendPrefix) {
        Map<String, Line> lines = new TreeMap<>();
        for (int i = 0; i < scrapes.size(); i++) {
            Scrape now = scrapes.get(i);
            if (now.seconds() < window - 0.5) {
                continue;
            }
            Map<String, Double> byLe = rates(i, bucket, sample -> true, sample -> group.apply(sample) + "\u0000"
                    + sample.label("le"));
            Map<String, TreeMap<Double, Double>> histograms = new TreeMap<>();
            byLe.forEach((key, rate) -> {
                String[] parts = key.split("\u0000");
                double le = parts[1].equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(parts[1]);
                histograms.computeIfAbsent(parts[0], g -> new TreeMap<>()).put(le, rate);
            });
            histograms.forEach((g, buckets) -> {
                double value = histogramQuantile(q, buckets);
                if (!Double.isNaN(value)) {
                    String legend = legendPrefix + g;
                    Line line = lines.computeIfAbsent(legend,
                            key -> new Line(key, new ArrayList<>(), new ArrayList<>()));
                    line.x().add(now.seconds());
                    line.y().add(value);
                }
            });
        }
        return lines;
    }

    /** Prometheus's histogram_quantile over cumulative bucket rates: NaN without observations. */
    static double histogramQuantile(double q, TreeMap<Double, Double> buckets) {
        if (buckets.isEmpty() || !buckets.lastKey().isInfinite()) {
            return Double.NaN;
        }
        double total = buckets.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound; // the highest finite bound, as Prometheus answers
                }
                double inBucket = bucket.getValue() - lowerCount;
                return inBucket <= 0 ? bucket.getKey()
                        : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return Double.NaN;
    }

    /** {@code sum(name)} of a gauge, as scraped. */
    Line gauge(String name, String legend) {
        Line line = new Line(legend, new ArrayList<>(), new ArrayList<>());
        for (Scrape scrape : scrapes) {
            line.x().add(scrape.seconds());
            line.y().add(scrape.samples().stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum());
        }
        return line;
    }

    /** {@code sum(rate(a)) / sum(rate(b))}. */
    Line ratio(String numerator, String denominator, String legend) {
        Line top = rate(numerator, s -> true, s -> "").get("");
        Line bottom = rate(denominator, s -> true, s -> "").get("");
        Line line = new Line(legend, new ArrayList<>(), new ArrayList<>());
        if (top != null && bottom != null) {
            Map<Double, Double> below = new TreeMap<>();
            for (int i = 0; i < bottom.x().size(); i++) {
                below.put(bottom.x().get(i), bottom.y().get(i));
            }
            for (int i = 0; i < top.x().size(); i++) {
                Double count = below.get(top.x().get(i));
                if (count != null && count > 0) {
                    line.x().add(top.x().get(i));
                    line.y().add(top.y().get(i) / count);
                }
            }
        }
        return line;
    }

    private static boolean failed(Sample sample) {
        return !sample.label("status").equals("success") && !sample.label("status").equals("input_required");
    }

    void draw(Path out) throws IOException {
        Map<String, XYChart> panels = new LinkedHashMap<>();
        panels.put("calls", chart("Tool calls by tool", "calls/s", false,
                rate("mcp_requests_total", s -> true, s -> s.label("tool")).values()));
        panels.put("errors", chart("Errors by tool and status", "calls/s", false,
                rate("mcp_requests_total", DashboardCharts::failed, s -> s.label("tool") + " " + s.label("status"))
                        .values()));
        List<Line> quantiles = new ArrayList<>();
        quantiles.addAll(quantile(0.5, "mcp_request_latency_seconds", s -> "", "p50").values());
        quantiles.addAll(quantile(0.95, "mcp_request_latency_seconds", s -> "", "p95").values());
        quantiles.addAll(quantile(0.99, "mcp_request_latency_seconds", s -> "", "p99").values());
        quantiles.add(ratio("mcp_request_duration_seconds_sum", "mcp_request_duration_seconds_count", "mean"));
        panels.put("latency", chart("Latency quantiles (all tools)", "seconds (log)", true, quantiles));
        panels.put("latency-by-tool", chart("Latency p95 by tool", "seconds (log)", true,
                quantile(0.95, "mcp_request_latency_seconds", s -> s.label("tool"), "").values()));
        panels.put("active", chart("Active calls and streams", "in flight", false,
                List.of(gauge("mcp_active_requests", "active requests"),
                        gauge("mcp_active_streams", "active streams"))));
        panels.put("chunks", chart("Streamed chunks by tool", "chunks/s", false,
                rate("mcp_streaming_chunks_total", s -> true, s -> s.label("tool")).values()));
        panels.put("rate-limited", chart("Rate-limit refusals", "refusals/s", false,
                rate("mcp_rate_limited_total", s -> true, s -> s.label("scope")).values()));
        panels.put("input-rounds", chart("Input rounds", "rounds/s", false,
                rate("mcp_requests_total", s -> s.label("status").equals("input_required"), s -> s.label("tool"))
                        .values()));

        int width = 640;
        int height = 300;
        int columns = 2;
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(width * columns, height * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int index = 0;
        for (XYChart chart : panels.values()) {
            Graphics2D cell = (Graphics2D) g.create((index % columns) * width, (index / columns) * height, width,
                    height);
            chart.paint(cell, width, height);
            cell.dispose();
            index++;
        }
        g.dispose();
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(image, "png", out.toFile());
        System.out.println("wrote " + out + " (" + panels.size() + " panels, " + scrapes.size() + " scrapes)");
        for (Map.Entry<String, XYChart> panel : panels.entrySet()) {
            System.out.println("  " + panel.getKey() + ": " + summary(panel.getValue()));
        }
    }

    private static String summary(XYChart chart) {
        StringBuilder text = new StringBuilder();
        for (XYSeries series : chart.getSeriesMap().values()) {
            double max = 0;
            for (double y : series.getYData()) {
                max = Math.max(max, y);
            }
            text.append(series.getName()).append(String.format(" max %.3g; ", max));
        }
        return text.toString();
    }

    private XYChart chart(String title, String unit, boolean log, java.util.Collection<Line> lines) {
        XYChart chart = new XYChartBuilder().width(640).height(300).title(title).xAxisTitle("seconds into the run")
                .yAxisTitle(unit).build();
        Styler.ChartTheme theme = Styler.ChartTheme.XChart;
        chart.getStyler().setTheme(theme.newInstance(theme));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(scrapesEnd());
        chart.getStyler().setYAxisLogarithmic(log);
        if (!log) {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setYAxisDecimalPattern(log ? "0.####" : "#,##0.#");
        boolean any = false;
        for (Line line : lines) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < line.x().size(); i++) {
                if (!log || line.y().get(i) > 0) {
                    x.add(line.x().get(i));
                    y.add(line.y().get(i));
                }
            }
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(line.legend().isEmpty() ? "all" : line.legend(), x, y);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineWidth(1.5f);
                any = true;
            }
        }
        if (!any) {
            chart.addSeries("no data", List.of(0.0), List.of(log ? 1.0 : 0.0)).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private double scrapesEnd() {
        return scrapes.isEmpty() ? 1 : Math.ceil(scrapes.get(scrapes.size() - 1).seconds());
    }
}
