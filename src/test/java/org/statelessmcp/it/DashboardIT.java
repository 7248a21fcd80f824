package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ({@code server-config/grafana/stateless-mcp.json}) queries only what a running server
 * exports: after calls of every kind its panels show (successes, errors, a stream, an input round, a refusal of a
 * tool's rate limit), every metric named in a panel's PromQL or a variable's query is in the server's Prometheus text,
 * under exactly that name ({@code _bucket}, {@code _count}, {@code _sum} as the exporter writes them), and every
 * label a query selects or groups by is on it.
 */
class DashboardIT extends DeployedWarTest {

    static final Path DASHBOARD = Path.of("server-config/grafana/stateless-mcp.json");

    /** Labels Prometheus adds to every series it scrapes (and {@code le} of buckets, checked with the series). */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    /**
     * PromQL's words that are not metric names: aggregation operators (written {@code sum by (x) (…)}, their name
     * is not always followed by a parenthesis), their modifiers, set operators, {@code offset}, {@code bool}.
     */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "by", "without", "on",
            "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "inf", "nan");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern SELECTOR = Pattern.compile("(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)\\}");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+(-?[0-9a-z]+)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.rate-limit.enabled", "true");
        settings.setProperty("smcp.default-rate-limit", "1000/minute");
        settings.setProperty("smcp.rate-limit.tools", "echo=1/minute");
        return Deployments.withSettings(Deployments.productWar(), settings);
    }

    private final TargetServer server = TargetServer.current();

    /** A metric a query names, and the labels it selects or groups by. */
    record Use(String query, String metric, Set<String> labels) {
    }

    @Test
    void everyQueryOfTheDashboardNamesExportedMetricsAndLabels() throws Exception {
        kit.call("add", Map.of("a", 1, "b", 2)).assertSuccess();
        kit.call("fail").assertError(-32000, null);
        kit.call("generate_numbers", Map.of("count", 3, "delay", 0.01)).assertSuccess();
        kit.mcp2026().capabilities("{\"elicitation\":{}}").call("greet", "{}").assertInputRequired("user_name");
        kit.call("echo", Map.of("message", "one")).assertSuccess();
        kit.call("echo", Map.of("message", "two")).assertStatus(429);

        Map<String, Set<String>> exported = exportedLabels(server.metricSamples(kit, base));
        List<Use> uses = uses(dashboard());
        assertTrue(uses.size() >= 15, "the dashboard's queries: " + uses);
        List<String> missing = new ArrayList<>();
        for (Use use : uses) {
            Set<String> labels = exported.get(use.metric());
            if (labels == null) {
                missing.add(use.metric() + " is not exported (in " + use.query() + ")");
                continue;
            }
            for (String label : use.labels()) {
                if (!labels.contains(label) && !TARGET_LABELS.contains(label)) {
                    missing.add(use.metric() + " has no label " + label + " (in " + use.query() + ")");
                }
            }
        }
        assertEquals(List.of(), missing, "exported: " + exported);
    }

    @Test
    void namesAreFoundWhereverPromQlPutsThem() {
        Use use = uses("histogram_quantile(0.95, sum by (le, tool) (rate(mcp_request_latency_seconds"
                + "{instance=~\"$instance\", tool=~\"$tool\"}[$__rate_interval]))) / on(tool) group_left "
                + "mcp_tools_registered or vector(0)").get(0);
        assertEquals("mcp_request_latency_seconds", use.metric());
        assertEquals(Set.of("le", "tool", "instance"), use.labels());
        assertEquals(List.of("mcp_request_latency_seconds", "mcp_tools_registered"),
                uses("histogram_quantile(0.95, sum by (le, tool) (rate(mcp_request_latency_seconds"
                        + "{tool=~\"a|b\"}[5m]))) / on(tool) group_left mcp_tools_registered or vector(0)").stream()
                                .map(Use::metric).toList());
        assertEquals(List.of("mcp_active_requests"), uses("sum(mcp_active_requests offset 5m)").stream()
                .map(Use::metric).toList());
    }

    private static JsonObject dashboard() throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
            return reader.readObject();
        }
    }

    /** Every panel's {@code expr} and every query variable's {@code definition}, as metrics and labels used. */
    static List<Use> uses(JsonObject dashboard) {
        List<Use> uses = new ArrayList<>();
        for (JsonObject panel : dashboard.getJsonArray("panels").getValuesAs(JsonObject.class)) {
            for (JsonObject target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
                uses.addAll(uses(target.getString("expr")));
            }
        }
        for (JsonObject variable : dashboard.getJsonObject("templating").getJsonArray("list")
                .getValuesAs(JsonObject.class)) {
            if (variable.getString("type").equals("query")) {
                // label_values(metric{matchers}, label)
                Matcher values = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)")
                        .matcher(variable.getString("definition"));
                assertTrue(values.matches(), variable.toString());
                for (Use use : uses(values.group(1))) {
                    Set<String> labels = new TreeSet<>(use.labels());
                    labels.add(values.group(2));
                    uses.add(new Use(variable.getString("definition"), use.metric(), labels));
                }
            }
        }
        return uses;
    }

    /**
     * The metrics one PromQL expression names, each with the labels of its matchers and of the expression's
     * groupings ({@code by}, {@code on}, …): every label grouped by must be on every metric aggregated.
     */
    static List<Use> uses(String query) {
        // blanked, never removed, so that positions hold: strings, then groupings' lists, ranges and offsets
        String text = blank(STRING, query, 0);
        Set<String> grouped = new TreeSet<>();
        Matcher grouping = GROUPING.matcher(text);
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank()) {
                    grouped.add(label.strip());
                }
            }
        }
        text = blank(GROUPING, text, 2);
        text = blank(RANGE, text, 0);
        text = blank(OFFSET, text, 1);
        // selectors: the labels of their matchers, kept by where the metric's name starts; then the braces go
        Map<Integer, Set<String>> matched = new TreeMap<>();
        Matcher selector = SELECTOR.matcher(text);
        while (selector.find()) {
            Set<String> labels = new TreeSet<>();
            for (String matcher : selector.group(1).split(",")) {
                if (!matcher.isBlank()) {
                    labels.add(matcher.strip().split("\\s*(=~|!~|!=|=)")[0]);
                }
            }
            matched.put(selector.start(), labels);
        }
        text = blank(BRACES, text, 0);
        List<Use> uses = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String word = identifier.group(1);
            if (identifier.group(2) != null || KEYWORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue; // a function's name, a keyword
            }
            Set<String> labels = new TreeSet<>(grouped);
            labels.addAll(matched.getOrDefault(identifier.start(1), Set.of()));
            uses.add(new Use(query, word, labels));
        }
        return uses;
    }

    /** {@code text} with {@code group} of every match of {@code pattern} turned to spaces. */
    private static String blank(Pattern pattern, String text, int group) {
        StringBuilder blanked = new StringBuilder(text);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int i = matcher.start(group); i < matcher.end(group); i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }

    /** Each exported sample name with every label it carries (the scope label left out, as the scrape parses it). */
    private static Map<String, Set<String>> exportedLabels(Map<String, Double> samples) {
        Map<String, Set<String>> names = new TreeMap<>();
        for (String key : samples.keySet()) {
            int brace = key.indexOf('{');
            Set<String> labels = names.computeIfAbsent(brace < 0 ? key : key.substring(0, brace),
                    name -> new TreeSet<>());
            if (brace >= 0) {
                for (String label : key.substring(brace + 1, key.length() - 1).split(",(?=[a-z_]+=)")) {
                    labels.add(label.substring(0, label.indexOf('=')));
                }
            }
        }
        return names;
    }
}
