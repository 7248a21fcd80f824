package org.statelessmcp.registry;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of this deployment, by name. Built once from what {@link ToolExtension} validated; immutable after.
 * Unproxied: every tool call finds its tool here, twice with rate limits on.
 */
@Unproxied
public class ToolRegistry {

    private final Map<String, ToolHandle> tools;
    private final List<ToolDescriptor> descriptors;

    @Inject
    public ToolRegistry(ToolExtension extension, BeanManager beans) {
        Map<String, ToolHandle> byName = new LinkedHashMap<>();
        for (RegisteredTool tool : extension.tools()) {
            byName.put(tool.descriptor().name(), new ToolHandle(tool, beans));
        }
        this.tools = Map.copyOf(byName);
        // by name, not by discovery order: every instance lists them, and cuts them into pages, in the same order
        this.descriptors = byName.values().stream().map(ToolHandle::descriptor)
                .sorted(java.util.Comparator.comparing(ToolDescriptor::name)).toList();
    }

    /** The tool named {@code name}, or {@code null}. */
    public ToolHandle find(String name) {
        return tools.get(name);
    }

    /** Every tool, by name. */
    public Collection<ToolDescriptor> descriptors() {
        return descriptors;
    }

    public int size() {
        return descriptors.size();
    }
}
