package org.statelessmcp.it;

import java.net.URL;
import java.util.Locale;

/**
 * The server the integration tests run against, named by the system property {@code smcp.it.server} that the build
 * sets ({@code liberty} in the {@code liberty} profile; Payara Micro otherwise), and what the tests must know about
 * it: where its MicroProfile endpoints are and what differs in what it reports. Every server-specific expectation of
 * a test belongs here, not in the test.
 */
enum TargetServer {

    /** Payara Micro 6: the clustered Hazelcast JCache backs the relay of client answers. */
    PAYARA_MICRO("reachable"),
    /** Open Liberty: no JCache the WAR can use, so answers are not relayed and rate-limit windows are per instance. */
    LIBERTY("none");

    private final String sharedCache;

    TargetServer(String sharedCache) {
        this.sharedCache = sharedCache;
    }

    static TargetServer current() {
        String name = System.getProperty("smcp.it.server", "payara-micro");
        return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A MicroProfile Health probe ({@code live}, {@code ready}, {@code started}): on both servers at the root. */
    String health(URL base, String probe) {
        return root(base) + "/health/" + probe;
    }

    /**
     * The application's metrics in Prometheus text: on both servers at the root, named alike ({@code
     * mcp_requests_total}, {@code mcp_request_duration_seconds_count}, ...) with an {@code mp_scope} label.
     */
    String applicationMetrics(URL base) {
        return root(base) + "/metrics?scope=application";
    }

    /** What the readiness check reports as {@code sharedCache}. */
    String sharedCache() {
        return sharedCache;
    }

    private static String root(URL base) {
        // the server may report a non-loopback address for itself; it listens on loopback only
        return "http://127.0.0.1:" + base.getPort();
    }
}
