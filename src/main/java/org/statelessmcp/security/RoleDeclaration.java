package org.statelessmcp.security;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declares to the container every role the tools and limits name, as a web.xml {@code <security-role>} would:
 * Payara and Liberty answer {@code isUserInRole} with false for any role the application has not declared, so with
 * the server's own login the roles of {@code @RolesAllowed} and {@code smcp.auth.tool-roles} would otherwise never
 * match.
 */
@WebListener
public class RoleDeclaration implements ServletContextListener {

    // looked up when the context starts, not when the server makes the listener: the limiter finds the shared cache
    // through the servlet context, which the container associates with the application only after that
    @Inject
    Provider<ToolRoles> toolRoles;
    @Inject
    Provider<RateLimiter> limiter;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Set<String> roles = new TreeSet<>();
        toolRoles.get().restricted().values().forEach(roles::addAll);
        roles.addAll(limiter.get().roleNames());
        if (!roles.isEmpty()) {
            event.getServletContext().declareRoles(roles.toArray(String[]::new));
        }
    }
}
