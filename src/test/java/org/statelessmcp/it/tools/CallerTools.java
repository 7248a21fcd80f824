package org.statelessmcp.it.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.statelessmcp.api.Tool;
import org.statelessmcp.security.ApiKeyCredential;

/**
 * Tools that ask the container who calls, as tools that call EJBs or other secured beans rely on, and that check a
 * key through Jakarta Security as an application's own mechanism would.
 */
@ApplicationScoped
public class CallerTools {

    private final SecurityContext security;
    private final HttpServletRequest request;
    private final IdentityStoreHandler stores;

    /** For the CDI client proxy only. */
    protected CallerTools() {
        this.security = null;
        this.request = null;
        this.stores = null;
    }

    @Inject
    public CallerTools(SecurityContext security, HttpServletRequest request, IdentityStoreHandler stores) {
        this.security = security;
        this.request = request;
        this.stores = stores;
    }

    @Tool(name = "whoami", description = "The caller as Jakarta Security and the servlet request know it")
    public String whoami() {
        return name(security.getCallerPrincipal()) + " / " + name(request.getUserPrincipal());
    }

    @Tool(name = "key_owner", description = "Whose key this is, as Jakarta Security's identity stores say")
    public String keyOwner(String key) {
        CredentialValidationResult result = stores.validate(new ApiKeyCredential(key));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? result.getCallerPrincipal().getName() + " " + new java.util.TreeSet<>(result.getCallerGroups())
                : result.getStatus().toString();
    }

    private static String name(Principal principal) {
        return principal == null ? "nobody" : principal.getName();
    }
}
