package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
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
import org.statelessmcp.it.conformance.Forms;
import org.statelessmcp.it.conformance.TaskTools;
import org.statelessmcp.it.tools.CallerTools;
import org.statelessmcp.it.tools.GuardedTools;
import org.statelessmcp.testkit.McpResponse;

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
    private static final String DAVE = "dave-key-from-the-key-file-01";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Properties settings = new Properties();
        settings.setProperty("smcp.auth.enabled", "true");
        settings.setProperty("smcp.api-keys",
                "[{\"name\":\"alice\",\"key\":\"" + ALICE + "\",\"roles\":[\"auditor\",\"math\"]},"
                        + "{\"name\":\"bob\",\"key\":\"" + BOB + "\"},"
                        + "{\"name\":\"carol\",\"sha256\":\"" + HexFormat.of().formatHex(sha256(CAROL))
                        + "\",\"roles\":\"ops\"},"
                        + "{\"name\":\"trial\",\"key\":\"" + TRIAL + "\",\"roles\":[\"trial\"]}]");
        settings.setProperty("smcp.auth.tool-roles", "add=math, reopened=*");
        settings.setProperty("smcp.api-keys-file", keyFile().toString());
        settings.setProperty("smcp.auth.authorization-servers", "https://auth.example.com");
        settings.setProperty("smcp.rate-limit.enabled", "true");
        settings.setProperty("smcp.default-rate-limit", "1000/minute");
        settings.setProperty("smcp.rate-limit.roles", "trial=3/minute");
        return Deployments.withSettings(Deployments.productWar().addClasses(GuardedTools.class, CallerTools.class,
                TaskTools.class, Forms.class), settings);
    }

    /** A key file as operators write one: one entry per line, comments allowed. */
    private static java.nio.file.Path keyFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(
                    System.getProperty("smcp.it.tmpdir", "target"), "security-it"));
            return java.nio.file.Files.writeString(dir.resolve("keys.txt"), "# keys for SecurityIT\n" + DAVE + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String key) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, Integer> TWO_AND_THREE = Map.of("a", 2, "b", 3);

    @Test
    void withoutAKeyTheAnswerIs401WithABearerChallengeAndAJsonRpcError() {
        McpResponse response = kit.call("add", TWO_AND_THREE).assertStatus(401).assertError(-32010, null)
                .assertNoInternals();
        String challenge = String.valueOf(response.header("WWW-Authenticate"));
        assertTrue(challenge.startsWith("Bearer realm=\"stateless-mcp\""), challenge);
        assertFalse(challenge.contains("error="), challenge);
    }

    @Test
    void withAWrongKeyTheAnswerIs401WithInvalidToken() {
        McpResponse response = kit.apiKey(ALICE + "x").call("add", TWO_AND_THREE).assertStatus(401)
                .assertError(-32010, null).assertNoInternals();
        assertTrue(String.valueOf(response.header("WWW-Authenticate")).contains("error=\"invalid_token\""));
        kit.header("Authorization", "Bearer " + BOB.substring(1)).call("add", TWO_AND_THREE).assertStatus(401);
    }

    @Test
    void withTheRightKeyInTheHeaderTheToolIsCalled() {
        kit.apiKey(ALICE).call("add", TWO_AND_THREE).assertSuccess().assertStructured("{\"result\":5}");
    }

    @Test
    void theContainerKnowsTheCallerOfAKeyInJakartaSecurityAndTheServletRequest() {
        kit.apiKey(BOB).call("whoami").assertSuccess().assertText("bob / bob");
        kit.apiKey(CAROL).call("whoami").assertSuccess().assertText("carol / carol");
    }

    @Test
    void jakartaSecuritysIdentityStoresKnowTheKeys() {
        kit.apiKey(BOB).call("key_owner", Map.of("key", ALICE)).assertSuccess().assertText("alice [auditor, math]");
        kit.apiKey(BOB).call("key_owner", Map.of("key", ALICE + "x")).assertSuccess().assertText("INVALID");
    }

    @Test
    void aKeyIsAlsoAcceptedAsABearerToken() {
        McpResponse response = kit.header("Authorization", "Bearer " + BOB).call("echo", Map.of("message", "hi"))
                .assertSuccess();
        assertTrue(response.body().contains("hi"), response.body());
    }

    @Test
    void aKeyFromTheKeyFileIsAccepted() {
        kit.apiKey(DAVE).call("status").assertSuccess().assertText("fine");
    }

    @Test
    void aKeyStoredAsItsDigestIsAccepted() {
        kit.apiKey(CAROL).call("purge").assertSuccess().assertText("purged");
    }

    @Test
    void theChallengeNamesTheProtectedResourceMetadataWhichNamesTheAuthorizationServer() {
        String challenge = String.valueOf(kit.call("add", TWO_AND_THREE).header("WWW-Authenticate"));
        Matcher url = Pattern.compile("resource_metadata=\"([^\"]+)\"").matcher(challenge);
        assertTrue(url.find(), challenge);
        String metadataPath = java.net.URI.create(url.group(1)).getPath();
        assertTrue(metadataPath.startsWith("/.well-known/oauth-protected-resource"), metadataPath);
        // the WAR is not at the root here: its own copy of the document is under its context path
        JsonObject document = kit.get(".well-known/oauth-protected-resource/mcp").assertStatus(200).json();
        assertEquals(List.of("https://auth.example.com"), document.getJsonArray("authorization_servers")
                .getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(document.getString("resource").endsWith(kit.endpoint().getPath()), document.toString());
        kit.get(".well-known/oauth-protected-resource").assertStatus(200);
    }

    @Test
    void healthProbesNeedNoKey() {
        kit.get("health").assertStatus(200);
        TargetServer server = TargetServer.current();
        kit.get(server.health(base, "ready")).assertStatus(200);
        kit.apiKey("not-a-key").get(server.health(base, "live")).assertStatus(200);
    }

    @Test
    void theToolCatalogNeedsAKey() {
        kit.get("tools").assertStatus(401).assertNoInternals();
        kit.get("tools/add").assertStatus(401).assertNoInternals();
    }

    @Test
    void aCallerWithoutTheToolsRoleGetsForbiddenInPlainJsonRpc() {
        McpResponse response = kit.apiKey(BOB).call("add", TWO_AND_THREE).assertStatus(200)
                .assertError(-32011, null).assertNoInternals();
        assertEquals("Forbidden: the caller may not use tool 'add'", response.error().getString("message"));
    }

    @Test
    void aCallerWithoutTheToolsRoleGetsForbiddenInMcp() {
        kit.apiKey(BOB).request("tools/call", "{\"name\":\"audit\",\"arguments\":{}}")
                .assertError(-32011, null).assertNoInternals();
    }

    @Test
    void rolesComeFromTheMethodTheClassAndTheOperatorsMapping() {
        Map<String, String> expected = Map.of("audit", ALICE, "purge", CAROL, "status", BOB, "reopened", BOB);
        expected.forEach((tool, key) -> kit.apiKey(key).call(tool).assertSuccess());
        // a role on the class, not on purge's own list: alice is an auditor, not admin or ops
        kit.apiKey(ALICE).call("purge").assertError(-32011, null).assertNoInternals();
    }

    @Test
    void toolsListShowsOnlyTheToolsTheCallerMayUse() {
        assertEquals(List.of("echo", "reopened", "status"), listed(BOB).stream()
                .filter(name -> List.of("add", "audit", "echo", "purge", "reopened", "status").contains(name))
                .toList());
        assertEquals(List.of("add", "audit", "echo", "reopened", "status"), listed(ALICE).stream()
                .filter(name -> List.of("add", "audit", "echo", "purge", "reopened", "status").contains(name))
                .toList());
    }

    private List<String> listed(String key) {
        return kit.apiKey(key).request("tools/list", "{}").toolNames().stream().sorted().toList();
    }

    @Test
    void theToolCatalogShowsOnlyTheToolsTheCallerMayUse() {
        List<String> bobs = kit.apiKey(BOB).get("tools").assertStatus(200).toolNames();
        assertFalse(bobs.contains("add") || bobs.contains("audit") || bobs.contains("purge"), bobs.toString());
        assertTrue(bobs.contains("echo") && bobs.contains("status"), bobs.toString());
        kit.apiKey(BOB).get("tools/audit").assertStatus(404).assertNoInternals();
        kit.apiKey(ALICE).get("tools/audit").assertStatus(200);
    }

    @Test
    void aRolesOwnRateLimitAppliesToItsHolders() {
        for (int i = 1; i <= 3; i++) {
            kit.apiKey(TRIAL).id(i).call("echo", Map.of("message", "x")).assertStatus(200)
                    .assertHeader("X-RateLimit-Limit", "3");
        }
        kit.apiKey(TRIAL).id(4).call("echo", Map.of("message", "x")).assertStatus(429).assertNoInternals();
        // every other caller keeps the default
        kit.apiKey(ALICE).call("add", TWO_AND_THREE).assertHeader("X-RateLimit-Limit", "1000");
    }

    @Test
    void authenticationFailuresAreCounted() {
        double before = failures();
        kit.call("add", TWO_AND_THREE);
        kit.apiKey("wrong-key-0000000000000").call("add", TWO_AND_THREE);
        assertEquals(before + 2, failures());
    }

    private double failures() {
        return TargetServer.total(TargetServer.current().metricSamples(kit, base), "mcp_auth_failures_total");
    }

    @Test
    void anMcpClientAuthenticatesWithItsKey() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + base.getPort())
                .endpoint(kit.endpoint().getPath())
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("X-API-Key", ALICE))
                .build();
        McpSyncClient mcp = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        try {
            mcp.initialize();
            List<String> names = mcp.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.contains("audit") && !names.contains("purge"), names.toString());
            McpSchema.CallToolResult result = mcp
                    .callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
            assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
            assertEquals("{\"result\":5}", ((McpSchema.TextContent) result.content().get(0)).text());
        } finally {
            mcp.closeGracefully();
        }
    }

    @Test
    void aTaskBelongsToTheCallerThatStartedIt() {
        String tasks = "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}";
        org.statelessmcp.testkit.McpTestClient alice = kit.mcp2026().apiKey(ALICE).capabilities(tasks);
        org.statelessmcp.testkit.McpTestClient bob = kit.mcp2026().apiKey(BOB).capabilities(tasks);
        String id = alice.call("slow_compute", "{\"seconds\":0}").assertStatus(200).result().getString("taskId");
        String params = "{\"taskId\":\"" + id + "\"}";
        for (String method : new String[] {"tasks/get", "tasks/cancel"}) {
            McpResponse stranger = bob.request(method, params).assertStatus(200).assertError(-32602, null);
            assertEquals("Failed to retrieve task: Task not found", stranger.error().getString("message"));
        }
        assertEquals(id, alice.request("tasks/get", params).assertStatus(200).result().getString("taskId"));
    }
}
