package org.statelessmcp.it;

import java.net.URL;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A test class whose {@code @Deployment} runs in a managed server (Payara Micro; WildFly under {@code -Pwildfly}),
 * reached over HTTP through {@link #client} or the test kit's {@link #kit}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWarTest {

    @ArquillianResource
    URL base;

    WireClient client;

    /** The test kit's client of the same deployment, plain dialect ({@code kit.mcp2025()}, {@code kit.mcp2026()}). */
    McpTestClient kit;

    @BeforeEach
    void connect() {
        client = new WireClient(base);
        kit = McpTestClient.at(client.uri("/"));
    }
}
