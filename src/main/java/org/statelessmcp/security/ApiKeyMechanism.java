package org.statelessmcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

/**
 * Authenticates requests carrying an API key, in the configured header ({@code X-API-Key} by default) or as
 * {@code Authorization: Bearer <key>}. It only establishes who calls: a request without a key, or with a wrong
 * one, goes on unauthenticated, and {@link AccessGate} refuses it where the endpoint is protected, so the health
 * probes stay open whatever a client sends. Present only when API-key authentication is on
 * ({@link SecurityExtension}): otherwise the container installs no mechanism and pays nothing per request.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    /** The request attribute holding the roles of the key that authenticated it. */
    public static final String ROLES = "org.statelessmcp.security.roles";
    /** The request attribute set when the request carried a key that is not one of the configured ones. */
    public static final String REJECTED = "org.statelessmcp.security.rejectedKey";

    private static final String BEARER = "bearer ";

    private final IdentityStoreHandler identityStores;
    private final String headerName;

    /** For the CDI client proxy only. */
    protected ApiKeyMechanism() {
        this.identityStores = null;
        this.headerName = null;
    }

    @Inject
    public ApiKeyMechanism(IdentityStoreHandler identityStores, SecurityConfig config) {
        this.identityStores = identityStores;
        this.headerName = config.headerName();
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String key = presentedKey(request, headerName);
        if (key == null) {
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(new ApiKeyCredential(key));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            request.setAttribute(REJECTED, Boolean.TRUE);
            return context.doNothing();
        }
        request.setAttribute(ROLES, result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    /** The key in {@code header}, else in {@code Authorization: Bearer}; {@code null} when there is none. */
    static String presentedKey(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            value = request.getHeader("Authorization");
            if (value == null || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
        }
        value = value.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            value = value.substring(BEARER.length()).strip();
        }
        return value.isEmpty() ? null : value;
    }
}
