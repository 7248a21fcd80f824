package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;
import org.statelessmcp.testkit.McpTestClient;

/**
 * {@code SMCP_AUTH_MECHANISM=container}: the server's own login protects {@code /mcp} — here BASIC against Payara's
 * file realm, set up exactly as {@code server-config/payara-micro/container-login/} documents (its web.xml, users
 * made by a post-boot command file) — and the server's groups are the roles tools require.
 */
class ContainerLoginIT {

    private static final String PASSWORD = "s3cret-Passw0rd-for-it";
    private static PayaraMicroProcess server;

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

    /** Calls {@code add} as {@code user:password} with BASIC, or without credentials. */
    private static McpResponse add(String user) {
        McpTestClient kit = server.kit();
        if (user != null) {
            kit = kit.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    user.getBytes(StandardCharsets.UTF_8)));
        }
        return kit.id(1).call("add", Map.of("a", 2, "b", 3));
    }

    @Test
    void withoutCredentialsTheServersLoginChallenges() {
        add(null).assertStatus(401).assertHeader("WWW-Authenticate", "Basic realm=\"file\"");
    }

    @Test
    void aWrongPasswordIsRefused() {
        add("dora:" + PASSWORD + "x").assertStatus(401);
    }

    @Test
    void aUserInTheToolsRoleCallsIt() {
        assertEquals(5, add("dora:" + PASSWORD).assertStatus(200).result().getInt("result"));
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() {
        add("eve:" + PASSWORD).assertStatus(200).assertError(-32011, null).assertNoInternals();
    }

    @Test
    void theServerSaysWhichLoginIsInForce() {
        assertTrue(server.output().stream().anyMatch(line -> line.contains(
                "Authentication: the server's own login (smcp.auth.mechanism=container)")),
                String.join("\n", server.output()));
    }
}
