package org.statelessmcp.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Collection;
import java.util.Set;
import org.statelessmcp.api.Caller;

/**
 * The caller of a servlet request: the container's principal, and roles from the API key that authenticated it or,
 * failing that, from the container ({@code isUserInRole}), so that key roles work on every server whatever its
 * group-to-role mapping.
 */
public final class RequestCaller implements Caller {

    private final HttpServletRequest request;
    private final String name;
    private final Collection<?> keyRoles;

    private RequestCaller(HttpServletRequest request) {
        this.request = request;
        Principal principal = request.getUserPrincipal();
        this.name = principal == null ? "" : principal.getName();
        this.keyRoles = request.getAttribute(ApiKeyAuthModule.ROLES) instanceof Collection<?> roles ? roles : Set.of();
    }

    /** The caller of {@code request}; {@link Caller#ANONYMOUS} when nobody is authenticated. */
    public static Caller of(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? ANONYMOUS : new RequestCaller(request);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean hasRole(String role) {
        return keyRoles.contains(role) || request.isUserInRole(role);
    }
}
