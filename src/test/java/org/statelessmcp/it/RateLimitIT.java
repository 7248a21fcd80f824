package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Sliding-window rate limits over the wire, for callers known by address. The trusted proxy is {@code 127.0.0.2}:
 * requests sent from that address have their {@code X-Forwarded-For} believed, so each test is its own client;
 * requests from any other address are not a proxy's, and what they claim to forward is ignored.
 */
class RateLimitIT extends DeployedWarTest {

    private static final String PROXY = "127.0.0.2";
    private static final String UNTRUSTED_PEER = "127.0.0.3";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.rate-limit.enabled", "true");
        settings.setProperty("smcp.default-rate-limit", "5/minute");
        settings.setProperty("smcp.rate-limit.tools", "echo=2/minute");
        settings.setProperty("smcp.trusted-proxies", PROXY);
        return Deployments.withSettings(Deployments.productWar(), settings);
    }

    /** A response read off a raw socket. */
    record Reply(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonObject json() {
            return WireClient.object(body);
        }
    }

    /** A fresh client address, as the proxy reports it. */
    private static String newClient() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private Reply send(String from, String method, String path, String body, String forwardedFor) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + client.uri(path).getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply call(String forwardedFor, String body) {
        return send(PROXY, "POST", "mcp", body, forwardedFor);
    }

    private String add(int id) {
        return kit.id(id).requestBody("add", "{\"a\":1,\"b\":2}");
    }

    @Test
    void exactlyTheConfiguredCountIsAdmittedEachWithTheRateLimitHeaders() {
        String client = newClient();
        for (int i = 1; i <= 5; i++) {
            Reply admitted = call(client, add(i));
            assertEquals(200, admitted.status(), "request " + i + ": " + admitted.body());
            assertEquals("5", admitted.header("X-RateLimit-Limit"));
            assertEquals(String.valueOf(5 - i), admitted.header("X-RateLimit-Remaining"));
            long reset = Long.parseLong(admitted.header("X-RateLimit-Reset"));
            long now = System.currentTimeMillis() / 1000;
            assertTrue(reset > now - 1 && reset <= now + 61, "reset " + reset + " now " + now);
        }
        Reply refused = call(client, add(6));
        assertEquals(429, refused.status(), refused.body());
        assertEquals("5", refused.header("X-RateLimit-Limit"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);
        JsonObject error = refused.json().getJsonObject("error");
        assertEquals(-32012, error.getInt("code"));
        assertEquals("5/minute", error.getJsonObject("data").getString("limit"));
        assertEquals(6, refused.json().getInt("id"));
    }

    @Test
    void aToolsOwnLimitIsCountedBesideTheCallersWindow() {
        String client = newClient();
        String echo = kit.id(1).requestBody("echo", "{\"message\":\"x\"}");
        assertEquals(200, call(client, echo).status());
        Reply second = call(client, echo);
        assertEquals(200, second.status());
        assertEquals("2", second.header("X-RateLimit-Limit"));
        assertEquals("0", second.header("X-RateLimit-Remaining"));
        Reply third = call(client, echo);
        assertEquals(429, third.status());
        assertEquals("2/minute", third.json().getJsonObject("error").getJsonObject("data").getString("limit"));
        // the caller's own window still has room for other tools
        assertEquals(200, call(client, add(4)).status());
    }

    @Test
    void mcpToolCallsCountAgainstTheToolsLimitToo() {
        String client = newClient();
        String echo = kit.id("e").requestBody("tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"x\"}}");
        assertEquals(200, call(client, echo).status());
        assertEquals(200, call(client, echo).status());
        Reply refused = call(client, echo);
        assertEquals(429, refused.status(), refused.body());
        assertEquals("e", refused.json().getString("id"));
    }

    @Test
    void aBatchCountsEachOfItsMessages() {
        String client = newClient();
        Reply batch = call(client, "[" + add(1) + "," + add(2) + "," + add(3) + "]");
        assertEquals(200, batch.status(), batch.body());
        assertEquals("2", batch.header("X-RateLimit-Remaining"));
        assertEquals(429, call(client, "[" + add(4) + "," + add(5) + "," + add(6) + "]").status());
    }

    @Test
    void theToolCatalogCountsToo() {
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, send(PROXY, "GET", "tools", null, client).status());
        }
        Reply refused = send(PROXY, "GET", "tools", null, client);
        assertEquals(429, refused.status());
        assertTrue(refused.header("Retry-After") != null);
    }

    @Test
    void anAddressAClientPrependsToForwardedForIsIgnored() {
        String client = newClient();
        for (int i = 1; i <= 5; i++) {
            // the proxy appends the address it saw; the client made up the ones to its left
            assertEquals(200, call("203.0.113." + i + ", " + client, add(i)).status());
        }
        assertEquals(429, call("203.0.113.99, " + client, add(6)).status());
        assertEquals(200, call(newClient(), add(7)).status(), "another client has its own window");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        // 127.0.0.3 is no trusted proxy: every request below is the same client, whatever it claims. Not 127.0.0.1:
        // the windows live in the server's cache, which outlives a deployment, and the test classes deployed before
        // this one call from 127.0.0.1 with limits of their own (a leased block or the last window's weight counts).
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, send(UNTRUSTED_PEER, "POST", "mcp", add(i), newClient()).status(), "request " + i);
        }
        Reply refused = send(UNTRUSTED_PEER, "POST", "mcp", add(6), newClient());
        assertEquals(429, refused.status(), refused.body());
    }

    @Test
    void refusalsAreCounted() {
        String client = newClient();
        double before = refusals();
        for (int i = 0; i < 7; i++) {
            call(client, add(i));
        }
        assertEquals(before + 2, refusals());
    }

    private double refusals() {
        return TargetServer.total(TargetServer.current().metricSamples(kit, base), "mcp_rate_limited_total");
    }
}
