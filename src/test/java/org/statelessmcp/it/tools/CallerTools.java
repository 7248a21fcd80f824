package org.statelessmcp.it.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.statelessmcp.api.Tool;

/** A tool that asks the container who calls, as tools that call EJBs or other secured beans rely on. */
@ApplicationScoped
public class CallerTools {

    private final SecurityContext security;
    private final HttpServletRequest request;

    /** For the CDI client proxy only. */
    protected CallerTools() {
        this.security = null;
        this.request = null;
    }

    @Inject
    public CallerTools(SecurityContext security, HttpServletRequest request) {
        this.security = security;
        this.request = request;
    }

    @Tool(name = "whoami", description = "The caller as Jakarta Security and the servlet request know it")
    public String whoami() {
        return name(security.getCallerPrincipal()) + " / " + name(request.getUserPrincipal());
    }

    private static String name(Principal principal) {
        return principal == null ? "nobody" : principal.getName();
    }
}
