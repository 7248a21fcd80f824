package bench;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.Map;

/** The MCP Java SDK's stateless servlet transport at {@code /mcp}, serving the same {@code add} tool. */
@WebListener
public class SdkAddServer implements ServletContextListener {

    private McpStatelessSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .messageEndpoint("/mcp").build();
        String schema = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"integer\"}},"
                + "\"required\":[\"a\",\"b\"]}";
        McpSchema.Tool add = McpSchema.Tool.builder().name("add").description("Adds two integers")
                .inputSchema(io.modelcontextprotocol.json.McpJsonDefaults.getMapper(), schema).build();
        server = McpServer.sync(transport)
                .serverInfo("sdk-baseline", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(new McpStatelessServerFeatures.SyncToolSpecification(add, (context, request) -> {
                    Map<String, Object> arguments = request.arguments();
                    int sum = ((Number) arguments.get("a")).intValue() + ((Number) arguments.get("b")).intValue();
                    return McpSchema.CallToolResult.builder()
                            .content(List.of(new McpSchema.TextContent("{\"result\":" + sum + "}")))
                            .structuredContent(Map.of("result", sum)).isError(false).build();
                }))
                .build();
        event.getServletContext().addServlet("mcp", transport).addMapping("/mcp");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.close();
        }
    }
}
