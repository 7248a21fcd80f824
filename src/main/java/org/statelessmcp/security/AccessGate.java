package org.statelessmcp.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.registry.Unproxied;

/**
 * Lets only authenticated callers into the protected endpoints ({@code /mcp}, {@code /tools}) when authentication
 * is on. Everyone else gets 401 with a {@code WWW-Authenticate} challenge MCP clients understand — naming the
 * protected resource metadata when an OAuth authorization server is configured — and a JSON-RPC error body.
 * In {@code container} mode the server's own login is asked first ({@code HttpServletRequest.authenticate}).
 */
@Unproxied
public class AccessGate {

    private static final Logger LOG = Logger.getLogger(AccessGate.class.getName());

    private final SecurityConfig config;
    private final SecurityObserver observer;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    @Inject
    public AccessGate(SecurityConfig config, SecurityObserver observer) {
        this.config = config;
        this.observer = observer;
    }

    /**
     * Whether {@code request} may go on; if not, the response has been written.
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!config.authEnabled() || request.getUserPrincipal() != null) {
            return true;
        }
        boolean rejected = request.getAttribute(ApiKeyAuthModule.REJECTED) != null;
        if (config.mechanism() == SecurityConfig.Mechanism.CONTAINER) {
            try {
                if (request.authenticate(response) && request.getUserPrincipal() != null) {
                    return true;
                }
            } catch (ServletException refused) {
                // WildFly throws when the login fails (UT010032), Payara and Liberty return false: both are a 401
                if (refusalLogged.compareAndSet(false, true)) {
                    LOG.log(Level.INFO, "The server's login refused a request to a protected endpoint (" + refused
                            + "); if every request is refused, check the web module's login configuration"
                            + " (server-config/<server>/security.md). Further refusals are logged at FINE.");
                } else {
                    LOG.log(Level.FINE, "the server's login refused a request", refused);
                }
            }
            if (response.isCommitted()) {
                // the server's mechanism answered (Payara's BASIC challenge, say)
                observer.authFailed("container");
                return false;
            }
        }
        observer.authFailed(config.mechanism() == SecurityConfig.Mechanism.CONTAINER ? "container"
                : rejected ? "invalid_credentials" : "missing_credentials");
        response.setStatus(401);
        if (!response.containsHeader("WWW-Authenticate")) {
            // the server's mechanism may have challenged already (Liberty's BASIC): its challenge is the right one
            response.setHeader("WWW-Authenticate", challenge(request, rejected));
        }
        response.setHeader("Cache-Control", "no-store");
        String detail = rejected ? "the credentials are not valid"
                : config.mechanism() == SecurityConfig.Mechanism.CONTAINER ? "credentials are required"
                : "credentials are required: send the API key in the " + config.headerName()
                        + " header or as Authorization: Bearer";
        byte[] body = JsonRpcWriter.error(null, JsonRpcError.unauthorized(detail)).getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        return false;
    }

    /** RFC 6750's challenge, with RFC 9728's {@code resource_metadata} when an authorization server is configured. */
    private String challenge(HttpServletRequest request, boolean rejected) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"stateless-mcp\"");
        if (rejected) {
            challenge.append(", error=\"invalid_token\"");
        }
        if (!config.authorizationServers().isEmpty()) {
            challenge.append(", resource_metadata=\"")
                    .append(ProtectedResource.metadataUrl(ProtectedResource.resource(config, request))).append('"');
        }
        return challenge.toString();
    }
}
