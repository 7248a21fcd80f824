package org.statelessmcp.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/**
 * The server the integration tests run against, named by the system property {@code smcp.it.server} that the Maven
 * profile sets ({@code payara-micro} by default, {@code wildfly} under {@code -Pwildfly}, {@code liberty} under
 * {@code -Pliberty}, {@code payara-server} under {@code -Ppayara-server}): where it serves its own
 * endpoints, and what it does not have. The one place where a test learns how servers differ.
 */
enum TargetServer {

    /** Payara Micro: MicroProfile Health and Metrics at the root of the HTTP port, a clustered JCache. */
    PAYARA_MICRO(null, true),

    /**
     * Payara Server 6 (the DAS of a domain): like Payara Micro, MicroProfile Health and Metrics at the root of the HTTP
     * listener, and the data grid's JCache.
     */
    PAYARA_SERVER(null, true),

    /**
     * WildFly (standalone-microprofile.xml): MicroProfile Health on the management port (9990 + the port offset),
     * no MicroProfile Metrics but the micrometer subsystem's Prometheus registry at {@code /prometheus} of that port
     * (server-config/wildfly/metrics.cli), and no shared cache for the test server's single instance (a cluster's is
     * set up by {@link WildFlyProcess}).
     */
    WILDFLY(null, false),

    /**
     * Open Liberty: MicroProfile Health and Metrics at the root of the HTTP port (metrics named as on Payara), no
     * shared cache for the test server's single instance (a cluster's is set up by {@link LibertyProcess}).
     */
    LIBERTY(null, false);

    /** A sample of the Prometheus text format: a name, labels perhaps, a value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    private final String noMetrics;
    private final boolean sharedCache;

    TargetServer(String noMetrics, boolean sharedCache) {
        this.noMetrics = noMetrics;
        this.sharedCache = sharedCache;
    }

    static TargetServer current() {
        return valueOf(System.getProperty("smcp.it.server", "payara-micro").toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A MicroProfile Health probe: {@code ""} (all checks), {@code "live"}, {@code "ready"} or {@code "started"}. */
    URI health(URL base, String probe) {
        String path = probe.isEmpty() ? "/health" : "/health/" + probe;
        if (this == WILDFLY) {
            return wildFlyManagement(path);
        }
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    private static URI wildFlyManagement(String path) {
        return URI.create("http://127.0.0.1:" + (9990 + Integer.getInteger("wildfly.port.offset", 0)) + path);
    }

    /** Whether the WAR's metrics are exported: {@code features.metrics} of {@code GET /health}. */
    boolean hasMetrics() {
        return noMetrics == null;
    }

    /**
     * The application's metrics in Prometheus text; skips the calling test on a server that has none. WildFly's
     * Prometheus registry serves the whole server's meters, the WAR's among them.
     */
    URI metrics(URL base) {
        assumeTrue(hasMetrics(), noMetrics);
        if (this == WILDFLY) {
            return wildFlyManagement("/prometheus");
        }
        return URI.create("http://127.0.0.1:" + base.getPort() + "/metrics?scope=application");
    }

    /**
     * The name {@code mcp_server_info} is exported under: on WildFly {@code mcp_server}, since its Prometheus library
     * (prometheus-metrics 1.3) keeps the suffix {@code _info} for info metrics and strips it from a gauge's name.
     */
    String serverInfoMetric() {
        return this == WILDFLY ? "mcp_server" : "mcp_server_info";
    }

    /**
     * Every sample of the application's metrics, keyed by name and labels, e.g. {@code x{a="1",b="2"}}; skips the
     * calling test on a server that has none.
     */
    Map<String, Double> metricSamples(McpTestClient kit, URL base) {
        McpResponse response = kit.get(metrics(base)).assertStatus(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + labels(sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    /**
     * The labels without the server's scope label ({@code mp_scope}; WildFly's {@code WF_DEPLOYMENT}, the deployment's
     * runtime name), sorted, so that keys do not depend on the exporter's order (nor on the trailing comma the
     * Prometheus text format allows, which Open Liberty writes).
     */
    private static String labels(String labels) {
        if (labels == null) {
            return "";
        }
        return Arrays.stream(labels.substring(1, labels.length() - 1).split(",(?=[A-Za-z_]+=)"))
                .map(label -> label.endsWith(",") ? label.substring(0, label.length() - 1) : label)
                .filter(label -> !label.startsWith("mp_scope=") && !label.startsWith("WF_DEPLOYMENT="))
                .sorted().reduce((a, b) -> a + "," + b).map(kept -> "{" + kept + "}").orElse("");
    }

    /** The sum of the samples of one metric, whatever their labels, e.g. a counter's total over every tool. */
    static double total(Map<String, Double> samples, String name) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().equals(name) || sample.getKey().startsWith(name + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * What the test server's readiness reports as {@code sharedCache}: {@code reachable} with one, else {@code none}.
     */
    String sharedCache() {
        return sharedCache ? "reachable" : "none";
    }

    /**
     * The text of the server's log, where what the client is never told must be found: Payara Micro's
     * {@code --logToFile} (arquillian.xml; Payara numbers the file it writes, {@code payara-micro-it.log.0}),
     * WildFly's {@code server.log}, Liberty's {@code messages.log}, the Payara Server domain's {@code server.log}.
     */
    String serverLogText() {
        Path log = serverLog();
        StringBuilder text = new StringBuilder();
        try (var files = java.nio.file.Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(log.getFileName().toString()))
                    .sorted().toList()) {
                text.append(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private Path serverLog() {
        Path target = Path.of(System.getProperty("smcp.it.tmpdir", "target"));
        return switch (this) {
            case PAYARA_MICRO -> target.resolve("payara-micro-it.log");
            case WILDFLY -> target.resolve("wildfly-base/log/server.log");
            case LIBERTY -> target.resolve("liberty/wlp/usr/servers/stateless-mcp-it/logs/messages.log");
            case PAYARA_SERVER -> target.resolve("payara6/glassfish/domains/smcp-it/logs/server.log");
        };
    }
}
