package org.statelessmcp.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;

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
     * no MicroProfile Metrics (WildFly dropped it for its Micrometer subsystem), no JCache.
     */
    WILDFLY("WildFly has no MicroProfile Metrics (its Micrometer subsystem replaced it), so the WAR exports none",
            false),

    /**
     * Open Liberty: MicroProfile Health and Metrics at the root of the HTTP port (metrics named as on Payara), no
     * JCache the WAR can use.
     */
    LIBERTY(null, false);

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
            return URI.create("http://127.0.0.1:" + (9990 + Integer.getInteger("wildfly.port.offset", 0)) + path);
        }
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    /** Whether the WAR's MicroProfile Metrics are exported: {@code features.metrics} of the seed's health. */
    boolean hasMetrics() {
        return noMetrics == null;
    }

    /** The application's metrics in Prometheus text; skips the calling test on a server that has none. */
    URI metrics(URL base) {
        assumeTrue(hasMetrics(), noMetrics);
        return URI.create("http://127.0.0.1:" + base.getPort() + "/metrics?scope=application");
    }

    /** What readiness reports as {@code sharedCache}: {@code reachable} with a JCache, else {@code none}. */
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
