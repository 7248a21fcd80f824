package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The official MCP Java SDK client, over Streamable HTTP, against the deployed WAR. */
class McpJavaSdkClientIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private McpSyncClient mcp;

    private HttpClientStreamableHttpTransport transport() {
        return HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + base.getPort())
                .endpoint(client.uri("mcp").getPath())
                .build();
    }

    private McpSyncClient initialized() {
        mcp = McpClient.sync(transport()).requestTimeout(Duration.ofSeconds(30)).build();
        mcp.initialize();
        return mcp;
    }

    @AfterEach
    void close() {
        if (mcp != null) {
            mcp.closeGracefully();
        }
    }

    @Test
    void initializesWithTheNewestProtocolVersionTheyShare() {
        McpSchema.InitializeResult result = initialized().initialize();
        assertEquals("stateless-mcp", result.serverInfo().name());
        assertTrue(List.of("2025-11-25", "2025-06-18", "2025-03-26").contains(result.protocolVersion()));
    }

    @Test
    void listsTheExampleTools() {
        List<String> names = initialized().listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
        assertEquals(List.of("add", "echo", "fail", "generate_numbers", "greet", "slow"), names);
    }

    @Test
    void callsAddAndReadsTextAndStructuredContent() {
        McpSchema.CallToolResult result = initialized().callTool(McpSchema.CallToolRequest.builder()
                .name("add").arguments(Map.of("a", 2, "b", 3)).build());
        assertFalse(Boolean.TRUE.equals(result.isError()));
        assertEquals("{\"result\":5}", ((McpSchema.TextContent) result.content().get(0)).text());
        assertEquals(5, ((Number) ((Map<?, ?>) result.structuredContent()).get("result")).intValue());
    }

    @Test
    void receivesProgressFromTheStreamingToolBeforeItsResult() {
        // The sync client hands every notification to its own boundedElastic task, so the order and even the
        // moment its consumer sees them are the client's, not the wire's. The async client's consumer runs
        // on the thread reading the stream, in wire order, before the response completes the call.
        List<Double> seen = new CopyOnWriteArrayList<>();
        McpAsyncClient async = McpClient.async(transport())
                .requestTimeout(Duration.ofSeconds(30))
                .progressConsumer(notification -> Mono.fromRunnable(() -> {
                    assertEquals("progress-1", notification.progressToken());
                    seen.add(notification.progress());
                }))
                .build();
        try {
            async.initialize().block(Duration.ofSeconds(30));
            McpSchema.CallToolResult result = async.callTool(McpSchema.CallToolRequest.builder()
                    .name("generate_numbers").arguments(Map.of("count", 3, "delay", 0.05))
                    .progressToken("progress-1").build()).block(Duration.ofSeconds(30));
            assertEquals(3, ((Number) ((Map<?, ?>) result.structuredContent()).get("generated")).intValue());
            assertEquals(List.of(1.0, 2.0, 3.0), seen);
        } finally {
            async.closeGracefully().block(Duration.ofSeconds(30));
        }
    }

    @Test
    void toolFailureReachesTheClientAsAnErrorResult() {
        McpSchema.CallToolResult result = initialized().callTool(McpSchema.CallToolRequest.builder()
                .name("fail").arguments(Map.of("message", "nope")).build());
        assertTrue(result.isError());
        assertEquals("nope", ((McpSchema.TextContent) result.content().get(0)).text());
    }

    @Test
    void pingsTheServer() {
        initialized().ping();
    }
}
