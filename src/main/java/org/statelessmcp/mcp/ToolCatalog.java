package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import org.statelessmcp.api.Tool;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.registry.ToolDescriptor;

/** The {@code tools/list} result, rendered once: the registry never changes after deployment. */
public final class ToolCatalog {

    private ToolCatalog() {
    }

    static PagedList render(Collection<ToolDescriptor> tools, int pageSize) {
        return new PagedList("tools", tools.stream().map(ToolCatalog::describe).toList(), pageSize);
    }

    static JsonObject describe(ToolDescriptor tool) {
        JsonObjectBuilder described = JsonP.createObjectBuilder().add("name", tool.name());
        if (!tool.title().isEmpty()) {
            described.add("title", tool.title());
        }
        // clients such as the conformance suite require a description; the name is the honest fallback
        described.add("description", tool.description().isEmpty() ? tool.name() : tool.description());
        described.add("inputSchema", tool.inputSchema());
        if (tool.outputSchema() != null) {
            described.add("outputSchema", tool.outputSchema());
        }
        return described.add("annotations", annotations(tool.hints())).build();
    }

    /** A tool's behaviour hints as MCP {@code ToolAnnotations}; {@code GET /tools} shows the same object. */
    public static JsonObject annotations(Tool.Annotations hints) {
        JsonObjectBuilder annotations = JsonP.createObjectBuilder();
        if (!hints.title().isEmpty()) {
            annotations.add("title", hints.title());
        }
        annotations.add("readOnlyHint", hints.readOnlyHint());
        if (!hints.readOnlyHint()) {
            // the specification gives these meaning only for a tool that changes something
            annotations.add("destructiveHint", hints.destructiveHint()).add("idempotentHint", hints.idempotentHint());
        }
        return annotations.add("openWorldHint", hints.openWorldHint()).build();
    }
}
