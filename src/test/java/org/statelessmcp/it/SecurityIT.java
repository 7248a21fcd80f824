package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.it.tools.GuardedTools;

/**
 * Authentication with API keys and authorization by roles, over the wire: 401 with a challenge MCP clients
 * understand, keys in the configured header or as a bearer token (stored as a digest too), roles from
 * {@code @RolesAllowed} and from the operator's mapping deciding who may call and who even sees a tool, open health
 * probes, protected resource metadata, and a real MCP client authenticating with its key.
 */
class SecurityIT extends DeployedWarTest {

    private static final String ALICE = "alice-key-6f1d0c2b9a8e7f6d";
    private static final String BOB = "bob-key-3c4b5a69788f9e0d1c";
    private static final String CAROL = "carol-key-0a1b2c3d4e5f6a7b";
    private static final String TRIAL = "trial-key-9f8e7d6c5b4a3f2e";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.auth.enabled", "true");
        settings.setProperty("smcp.api-keys", "[{\"name\":\"alice\",\"key\":\"" + ALICE + "\",\"roles\":[\"auditor\",\"math\"]},"
                + "{\"name\":\"bob\",\"key\":\"" + BOB + "\"},"
                + "{\"name\":\"carol\",\"sha256\":\"" + HexFormat.of().formatHex(sha256(CAROL)) + "\",\"roles\":\"ops\"},"
                + "{\"name\":\"trial\",\"key\":\"" + TRIAL + "\",\"roles\":[\"trial\"]}]");
        settings.setProperty("smcp.auth.tool-roles", "add=math, reopened=*");
        settings.setProperty("smcp.auth.authorization-servers", "https://auth.example.com");
        settings.setProperty("smcp.rate-limit.enabled", "true");
        settings.setProperty("smcp.default-rate-limit", "1000/minute");
        settings.setProperty("smcp.rate-limit.roles", "trial=3/minute");
        return Deployments.withSettings(Deployments.productWar().addClass(GuardedTools.class), settings);
    }

    private static byte[] sha256(String key) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String body, String... headers) {
        HttpRequest.Builder request = client.postRequest(body);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build());
    }

    /** A path of the WAR's, under its context path, or the URL of one of the server's endpoints (health, metrics). */
    private HttpResponse<String> get(String path, String... headers) {
        String url = path.startsWith("http:") ? path : "http://127.0.0.1:" + base.getPort() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.GET().build());
    }

    private static String add() {
        return WireClient.call(1, "add", "{\"a\":2,\"b\":3}");
    }

    private static String mcp(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void withoutAKeyTheAnswerIs401WithABearerChallengeAndAJsonRpcError() {
        HttpResponse<String> response = post(add());
        assertEquals(401, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer realm=\"stateless-mcp\""), challenge);
        assertFalse(challenge.contains("error="), challenge);
        assertEquals(-32010, WireClient.object(response.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void withAWrongKeyTheAnswerIs401WithInvalidToken() {
        HttpResponse<String> response = post(add(), "X-API-Key", ALICE + "x");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertEquals(-32010, WireClient.object(response.body()).getJsonObject("error").getInt("code"));
        assertEquals(401, post(add(), "Authorization", "Bearer " + BOB.substring(1)).statusCode());
    }

    @Test
    void withTheRightKeyInTheHeaderTheToolIsCalled() {
        HttpResponse<String> response = post(add(), "X-API-Key", ALICE);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(5, WireClient.object(response.body()).getJsonObject("result").getInt("result"));
    }

    @Test
    void aKeyIsAlsoAcceptedAsABearerToken() {
        HttpResponse<String> response = post(WireClient.call(1, "echo", "{\"message\":\"hi\"}"),
                "Authorization", "Bearer " + BOB);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("hi"), response.body());
    }

    @Test
    void aKeyStoredAsItsDigestIsAccepted() {
        HttpResponse<String> response = post(WireClient.call(1, "purge", "{}"), "X-API-Key", CAROL);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("purged", WireClient.object(response.body()).getString("result"));
    }

    @Test
    void theChallengeNamesTheProtectedResourceMetadataWhichNamesTheAuthorizationServer() {
        String challenge = post(add()).headers().firstValue("WWW-Authenticate").orElseThrow();
        Matcher url = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
        assertTrue(url.find(), challenge);
        String metadataPath = java.net.URI.create(url.group(1)).getPath();
        assertTrue(metadataPath.startsWith("/.well-known/oauth-protected-resource"), metadataPath);
        // the WAR is not at the root here: its own copy of the document is under its context path
        HttpResponse<String> metadata = get(client.uri(".well-known/oauth-protected-resource/mcp").getPath());
        assertEquals(200, metadata.statusCode(), metadata.body());
        JsonObject document = WireClient.object(metadata.body());
        assertEquals(List.of("https://auth.example.com"), document.getJsonArray("authorization_servers")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(document.getString("resource").endsWith(client.uri("mcp").getPath()), document.toString());
        assertEquals(200, get(client.uri(".well-known/oauth-protected-resource").getPath()).statusCode());
    }

    @Test
    void healthProbesNeedNoKey() {
        assertEquals(200, get(client.uri("health").getPath()).statusCode());
        assertEquals(200, get(TargetServer.current().health(base, "ready")).statusCode());
        assertEquals(200, get(TargetServer.current().health(base, "live"), "X-API-Key", "not-a-key").statusCode());
    }

    @Test
    void theToolCatalogNeedsAKey() {
        assertEquals(401, get(client.uri("tools").getPath()).statusCode());
        assertEquals(401, get(client.uri("tools/add").getPath()).statusCode());
    }

    @Test
    void aCallerWithoutTheToolsRoleGetsForbiddenInTheSeedDialect() {
        HttpResponse<String> response = post(add(), "X-API-Key", BOB);
        assertEquals(200, response.statusCode());
        JsonObject error = WireClient.object(response.body()).getJsonObject("error");
        assertEquals(-32011, error.getInt("code"));
        assertEquals("Forbidden: the caller may not use tool 'add'", error.getString("message"));
    }

    @Test
    void aCallerWithoutTheToolsRoleGetsForbiddenInMcp() {
        HttpResponse<String> response = post(mcp("tools/call", "{\"name\":\"audit\",\"arguments\":{}}"),
                "X-API-Key", BOB);
        assertEquals(-32011, WireClient.object(response.body()).getJsonObject("error").getInt("code"),
                response.body());
    }

    @Test
    void rolesComeFromTheMethodTheClassAndTheOperatorsMapping() {
        Map<String, String> expected = Map.of("audit", ALICE, "purge", CAROL, "status", BOB, "reopened", BOB);
        expected.forEach((tool, key) -> {
            HttpResponse<String> response = post(WireClient.call(1, tool, "{}"), "X-API-Key", key);
            assertTrue(WireClient.object(response.body()).containsKey("result"), tool + ": " + response.body());
        });
        // a role on the class, not on purge's own list: alice is an auditor, not admin or ops
        assertEquals(-32011, WireClient.object(post(WireClient.call(1, "purge", "{}"), "X-API-Key", ALICE).body())
                .getJsonObject("error").getInt("code"));
    }

    @Test
    void toolsListShowsOnlyTheToolsTheCallerMayUse() {
        assertEquals(List.of("echo", "reopened", "status"), listed(BOB).stream()
                .filter(name -> List.of("add", "audit", "echo", "purge", "reopened", "status").contains(name)).toList());
        assertEquals(List.of("add", "audit", "echo", "reopened", "status"), listed(ALICE).stream()
                .filter(name -> List.of("add", "audit", "echo", "purge", "reopened", "status").contains(name)).toList());
    }

    private List<String> listed(String key) {
        HttpResponse<String> response = post(mcp("tools/list", "{}"), "X-API-Key", key);
        return WireClient.object(response.body()).getJsonObject("result").getJsonArray("tools")
                .getValuesAs(JsonObject.class).stream().map(tool -> tool.getString("name")).sorted().toList();
    }

    @Test
    void theToolCatalogShowsOnlyTheToolsTheCallerMayUse() {
        JsonObject bobs = WireClient.object(get(client.uri("tools").getPath(), "X-API-Key", BOB).body())
                .getJsonObject("tools");
        assertFalse(bobs.containsKey("add") || bobs.containsKey("audit") || bobs.containsKey("purge"), bobs.toString());
        assertTrue(bobs.containsKey("echo") && bobs.containsKey("status"), bobs.toString());
        assertEquals(404, get(client.uri("tools/audit").getPath(), "X-API-Key", BOB).statusCode());
        assertEquals(200, get(client.uri("tools/audit").getPath(), "X-API-Key", ALICE).statusCode());
    }

    @Test
    void aRolesOwnRateLimitAppliesToItsHolders() {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> admitted = post(WireClient.call(i, "echo", "{\"message\":\"x\"}"), "X-API-Key", TRIAL);
            assertEquals(200, admitted.statusCode(), "request " + i + ": " + admitted.body());
            assertEquals("3", admitted.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        }
        HttpResponse<String> refused = post(WireClient.call(4, "echo", "{\"message\":\"x\"}"), "X-API-Key", TRIAL);
        assertEquals(429, refused.statusCode(), refused.body());
        // every other caller keeps the default
        assertEquals("1000", post(add(), "X-API-Key", ALICE).headers().firstValue("X-RateLimit-Limit").orElseThrow());
    }

    @Test
    void authenticationFailuresAreCounted() {
        long before = failures();
        post(add());
        post(add(), "X-API-Key", "wrong-key-0000000000000");
        assertEquals(before + 2, failures());
    }

    private long failures() {
        HttpResponse<String> metrics = get(TargetServer.current().applicationMetrics(base));
        return metrics.body().lines().filter(line -> line.startsWith("mcp_auth_failures_total{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void anMcpClientAuthenticatesWithItsKey() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + base.getPort())
                .endpoint(client.uri("mcp").getPath())
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("X-API-Key", ALICE))
                .build();
        McpSyncClient mcp = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        try {
            mcp.initialize();
            List<String> names = mcp.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.contains("audit") && !names.contains("purge"), names.toString());
            McpSchema.CallToolResult result = mcp.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
            assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
            assertEquals("{\"result\":5}", ((McpSchema.TextContent) result.content().get(0)).text());
        } finally {
            mcp.closeGracefully();
        }
    }
}
