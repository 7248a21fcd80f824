package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.registry.ToolDescriptor;

/**
 * {@code tools/list} as each caller may see it: only the tools their roles open. Callers who see the same tools get
 * the same pages, rendered once per distinct set, so a cursor means the same thing on every instance.
 */
final class ToolLists {

    private final List<ToolDescriptor> tools;
    private final ToolAccess access;
    private final int pageSize;
    private final PagedList everyone;
    /** Keyed by which tools are visible, one character per tool: at most one entry per distinct role combination. */
    private final Map<String, PagedList> byVisibility = new ConcurrentHashMap<>();

    ToolLists(List<ToolDescriptor> tools, ToolAccess access, int pageSize) {
        this.tools = List.copyOf(tools);
        this.access = access;
        this.pageSize = pageSize;
        this.everyone = access.restrictsAny() ? null : ToolCatalog.render(this.tools, pageSize);
    }

    /** Whether callers may see different lists, so that list results are private to the caller. */
    boolean filtered() {
        return everyone == null;
    }

    PendingAnswer page(JsonObject params, Caller caller) {
        if (everyone != null) {
            return everyone.page(params);
        }
        StringBuilder key = new StringBuilder(tools.size());
        for (ToolDescriptor tool : tools) {
            key.append(access.permits(tool, caller) ? '1' : '0');
        }
        return byVisibility.computeIfAbsent(key.toString(), visible -> ToolCatalog.render(
                tools.stream().filter(tool -> visible.charAt(tools.indexOf(tool)) == '1').toList(), pageSize))
                .page(params);
    }
}
