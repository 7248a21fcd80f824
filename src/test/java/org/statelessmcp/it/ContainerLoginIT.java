package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SMCP_AUTH_MECHANISM=container}: the server's own login protects {@code /mcp} — here BASIC against Payara's
 * file realm, set up exactly as {@code server-config/payara-micro/container-login/} documents (its web.xml, users
 * made by a post-boot command file) — and the server's groups are the roles tools require.
 */
class ContainerLoginIT {

    private static final String PASSWORD = "s3cret-Passw0rd-for-it";
    private static PayaraMicroProcess server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("smcp.it.tmpdir", "target"), "container-login"));
        Path password = Files.writeString(dir.resolve("users.password"), "AS_ADMIN_USERPASSWORD=" + PASSWORD + "\n");
        // the documented command file, with this run's password file
        String commands = Files.readString(Path.of("server-config/payara-micro/container-login/post-boot.asadmin"))
                .replace("/etc/smcp/dora.password", password.toString())
                + "create-file-user --passwordfile " + password + " eve\n";
        Path postBoot = Files.writeString(dir.resolve("post-boot.asadmin"), commands);
        WebArchive war = Deployments.productWar().setWebXML(
                new FileAsset(Path.of("server-config/payara-micro/container-login/web.xml").toFile()));
        server = PayaraMicroProcess.start(war, "container-login", Map.of("SMCP_AUTH_ENABLED", "true",
                "SMCP_AUTH_MECHANISM", "container", "SMCP_AUTH_TOOL_ROLES", "add=math"),
                List.of("--postbootcommandfile", postBoot.toString()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> add(String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.mcpUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireClient.call(1, "add", "{\"a\":2,\"b\":3}")));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutCredentialsTheServersLoginChallenges() throws Exception {
        HttpResponse<String> response = add(null);
        assertEquals(401, response.statusCode());
        assertEquals("Basic realm=\"file\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        assertEquals(401, add("dora:" + PASSWORD + "x").statusCode());
    }

    @Test
    void aUserInTheToolsRoleCallsIt() throws Exception {
        HttpResponse<String> response = add("dora:" + PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(5, WireClient.object(response.body()).getJsonObject("result").getInt("result"));
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() throws Exception {
        HttpResponse<String> response = add("eve:" + PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(-32011, WireClient.object(response.body()).getJsonObject("error").getInt("code"));
    }

    @Test
    void theServerSaysWhichLoginIsInForce() {
        assertTrue(server.output().stream().anyMatch(line -> line.contains(
                "Authentication: the server's own login (smcp.auth.mechanism=container)")),
                String.join("\n", server.output()));
    }
}
