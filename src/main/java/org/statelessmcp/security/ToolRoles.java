package org.statelessmcp.security;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.statelessmcp.api.Caller;
import org.statelessmcp.dispatch.ToolAccess;
import org.statelessmcp.registry.ToolDescriptor;
import org.statelessmcp.registry.ToolRegistry;
import org.statelessmcp.registry.Unproxied;

/**
 * Which roles each tool asks of its callers: {@code @RolesAllowed} on the tool, unless the operator's
 * {@code smcp.auth.tool-roles} says otherwise for it ({@code add=math|admin}; {@code *} opens a tool to every
 * caller). A caller needs one of the roles; a tool with none is open. Naming a tool that does not exist fails the
 * deployment: a typo must not leave a tool open.
 */
@Unproxied
public class ToolRoles implements ToolAccess {

    static final String ANYONE = "*";

    private final Map<String, Set<String>> required;

    @Inject
    public ToolRoles(SecurityConfig config, ToolRegistry registry) {
        Map<String, Set<String>> roles = new HashMap<>();
        for (ToolDescriptor tool : registry.descriptors()) {
            roles.put(tool.name(), tool.rolesAllowed());
        }
        Map<String, String> mapped;
        try {
            mapped = SettingLists.pairs(config.toolRoles().orElse(""), "smcp.auth.tool-roles");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("smcp.auth.tool-roles " + e.getMessage());
        }
        mapped.forEach((tool, names) -> {
            if (!roles.containsKey(tool)) {
                throw new IllegalArgumentException("smcp.auth.tool-roles names the tool '" + tool
                        + "', which is not deployed; the tools are " + new TreeSet<>(roles.keySet()));
            }
            Set<String> alternatives = Set.copyOf(SettingLists.alternatives(names));
            roles.put(tool, alternatives.contains(ANYONE) ? Set.of() : alternatives);
        });
        roles.values().removeIf(Set::isEmpty);
        this.required = Map.copyOf(roles);
    }

    @Override
    public boolean permits(ToolDescriptor tool, Caller caller) {
        Set<String> roles = required.get(tool.name());
        if (roles == null) {
            return true;
        }
        for (String role : roles) {
            if (caller.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean restrictsAny() {
        return !required.isEmpty();
    }

    /** The restricted tools and their roles, for the startup log. */
    public Map<String, Set<String>> restricted() {
        return required;
    }
}
