package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.statelessmcp.api.Caller;
import org.statelessmcp.mcp.ToolCatalog;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolHandle;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.security.AccessGate;
import org.statelessmcp.security.RateLimiter;
import org.statelessmcp.security.RequestCaller;
import org.statelessmcp.security.ToolRoles;

/**
 * {@code GET /tools} lists every tool; {@code GET /tools/{name}} describes one (404 when there is none). The
 * registry never changes after deployment, so the documents are rendered once.
 */
@WebServlet(urlPatterns = {"/tools", "/tools/*"})
public class ToolCatalogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ToolRegistry registry;
    @Inject
    transient ToolRoles access;
    @Inject
    transient AccessGate gate;
    @Inject
    transient RateLimiter limiter;

    private transient String catalog;
    private transient Map<String, String> byName;

    @Override
    public void init() {
        byName = Map.copyOf(documents(registry.descriptors().stream().toList()));
        catalog = catalog(registry.descriptors().stream().toList());
    }

    private static Map<String, String> documents(List<ToolDescriptor> tools) {
        Map<String, String> documents = new LinkedHashMap<>();
        for (ToolDescriptor tool : tools) {
            documents.put(tool.name(), describe(tool).toString());
        }
        return documents;
    }

    private static String catalog(List<ToolDescriptor> visible) {
        JsonObjectBuilder tools = JsonP.createObjectBuilder();
        visible.forEach(tool -> tools.add(tool.name(), describe(tool)));
        return JsonP.createObjectBuilder().add("count", visible.size()).add("tools", tools).build().toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!gate.admit(request, response)) {
            return;
        }
        Caller caller = RequestCaller.of(request);
        RateLimiter.Verdict verdict = limiter.admit(request, caller, List.of(), 1, response);
        if (verdict != null && !verdict.admitted()) {
            HttpResponses.json(response, 429, JsonRpcWriter.error(null,
                    JsonRpcError.rateLimited(verdict.limit().toString(), verdict.retryAfterSeconds())));
            return;
        }
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            HttpResponses.json(response, 200, access.restrictsAny() ? catalog(registry.descriptors().stream()
                    .filter(tool -> access.permits(tool, caller)).toList()) : catalog);
            return;
        }
        String name = path.substring(1);
        ToolHandle tool = registry.find(name);
        // a tool the caller may not use is not shown to exist
        String document = tool == null || !access.permits(tool.descriptor(), caller) ? null : byName.get(name);
        if (document == null) {
            HttpResponses.error(response, 404, "not_found", "No tool named '" + name + "'");
        } else {
            HttpResponses.json(response, 200, document);
        }
    }

    static JsonObject describe(ToolDescriptor tool) {
        JsonObjectBuilder document = JsonP.createObjectBuilder().add("name", tool.name());
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
