package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.statelessmcp.mcp.ToolCatalog;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolRegistry;

/**
 * {@code GET /tools} lists every tool; {@code GET /tools/{name}} describes one (404 when there is none). The
 * registry never changes after deployment, so the documents are rendered once.
 */
@WebServlet(urlPatterns = {"/tools", "/tools/*"})
public class ToolCatalogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ToolRegistry registry;

    private transient String catalog;
    private transient Map<String, String> byName;

    @Override
    public void init() {
        JsonObjectBuilder tools = Json.createObjectBuilder();
        Map<String, String> documents = new LinkedHashMap<>();
        for (ToolDescriptor tool : registry.descriptors()) {
            JsonObject document = describe(tool);
            tools.add(tool.name(), document);
            documents.put(tool.name(), document.toString());
        }
        catalog = Json.createObjectBuilder().add("count", documents.size()).add("tools", tools).build().toString();
        byName = Map.copyOf(documents);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            HttpResponses.json(response, 200, catalog);
            return;
        }
        String name = path.substring(1);
        String document = byName.get(name);
        if (document == null) {
            HttpResponses.error(response, 404, "not_found", "No tool named '" + name + "'");
        } else {
            HttpResponses.json(response, 200, document);
        }
    }

    static JsonObject describe(ToolDescriptor tool) {
        JsonObjectBuilder document = Json.createObjectBuilder().add("name", tool.name());
        if (!tool.title().isEmpty()) {
            document.add("title", tool.title());
        }
        return document
                .add("description", tool.description())
                .add("streaming", tool.streaming())
                .add("timeout", tool.timeoutSeconds())
                .add("inputSchema", tool.inputSchema())
                .add("annotations", ToolCatalog.annotations(tool.hints()))
                .build();
    }
}
