package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j MCP client over Streamable HTTP, against the deployed WAR. It sends no
 * {@code MCP-Protocol-Version} header, which a stateless server must accept.
 */
class LangChain4jMcpClientIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    private McpClient mcp;

    private McpClient mcp() {
        mcp = new DefaultMcpClient.Builder()
                .key("stateless-mcp")
                .transport(new StreamableHttpMcpTransport.Builder()
                        .url(client.uri("mcp").toString())
                        .timeout(Duration.ofSeconds(30))
                        .build())
                .toolExecutionTimeout(Duration.ofSeconds(30))
                .build();
        return mcp;
    }

    @AfterEach
    void close() throws Exception {
        if (mcp != null) {
            mcp.close();
        }
    }

    @Test
    void listsTheExampleToolsWithTheirParameters() {
        List<ToolSpecification> tools = mcp().listTools();
        assertEquals(List.of("add", "echo", "fail", "generate_numbers", "greet", "slow"),
                tools.stream().map(ToolSpecification::name).sorted().toList());
        ToolSpecification add = tools.stream().filter(t -> t.name().equals("add")).findFirst().orElseThrow();
        assertEquals("Adds two numbers.", add.description());
        assertEquals(List.of("a", "b"), add.parameters().required());
    }

    @Test
    void executesAdd() {
        ToolExecutionResult result = mcp().executeTool(ToolExecutionRequest.builder()
                .id("1").name("add").arguments("{\"a\":2,\"b\":3}").build());
        assertFalse(result.isError());
        assertEquals("{\"result\":5}", result.resultText());
    }

    @Test
    void executesTheStreamingToolAndGetsItsResult() {
        ToolExecutionResult result = mcp().executeTool(ToolExecutionRequest.builder()
                .id("2").name("generate_numbers").arguments("{\"count\":3,\"delay\":0.01}").build());
        assertFalse(result.isError());
        assertTrue(result.resultText().contains("\"generated\":3"), result.resultText());
    }

    @Test
    void toolFailureReachesTheCallerWithTheToolsMessage() {
        // LangChain4j turns an isError result into this exception, for the agent to show to the model
        ToolExecutionException failure = assertThrows(ToolExecutionException.class, () -> mcp().executeTool(
                ToolExecutionRequest.builder().id("3").name("fail").arguments("{\"message\":\"nope\"}").build()));
        assertEquals("nope", failure.getMessage());
    }
}
