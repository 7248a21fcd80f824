package org.statelessmcp.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * Authenticates requests carrying an API key, in the configured header ({@code X-API-Key} by default) or as
 * {@code Authorization: Bearer <key>}, as a Jakarta Authentication module of this web module: the container learns
 * the caller (its {@code getUserPrincipal()}, Jakarta Security's {@code SecurityContext}, the identity EJBs see) and
 * the key's roles as groups. It only establishes who calls: a request without a key, or with a wrong one, goes on
 * unauthenticated, and {@link AccessGate} refuses it where the endpoint is protected, so the health probes stay
 * open whatever a client sends.
 *
 * <p>Not a Jakarta Security {@code HttpAuthenticationMechanism}: on Payara the bridge between the two looks the
 * mechanism up through a JNDI name that fails on the request's thread, twice a request, which cost more than the
 * rest of the secured request together ({@code bench/analysis.md}). The module is the layer the bridge sits on,
 * so everything the container does with a login stays.
 */
public final class ApiKeyAuthModule implements ServerAuthModule {

    /** The request attribute holding the roles of the key that authenticated it. */
    public static final String ROLES = "org.statelessmcp.security.roles";
    /** The request attribute set when the request carried a key that is not one of the configured ones. */
    public static final String REJECTED = "org.statelessmcp.security.rejectedKey";

    private static final String BEARER = "bearer ";
    private static final Class<?>[] MESSAGE_TYPES = {HttpServletRequest.class, HttpServletResponse.class};

    private final ApiKeys keys;
    private final String headerName;
    // given by the container in initialize, before the first request
    private volatile CallbackHandler container;

    public ApiKeyAuthModule(ApiKeys keys, String headerName) {
        this.keys = keys;
        this.headerName = headerName;
    }

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                           @SuppressWarnings("rawtypes") Map options) {
        this.container = handler;
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return MESSAGE_TYPES.clone();
    }

    @Override
    public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
        HttpServletRequest request = (HttpServletRequest) message.getRequestMessage();
        String key = presentedKey(request, headerName);
        Optional<KeyOwner> owner = key == null ? Optional.empty() : keys.match(key);
        Callback[] login;
        if (owner.isPresent()) {
            request.setAttribute(ROLES, owner.get().roles());
            login = new Callback[] {new CallerPrincipalCallback(client, owner.get().name()),
                    new GroupPrincipalCallback(client, owner.get().roles().toArray(String[]::new))};
        } else {
            if (key != null) {
                request.setAttribute(REJECTED, Boolean.TRUE);
            }
            // the specification's "nobody": the request goes on unauthenticated
            login = new Callback[] {new CallerPrincipalCallback(client, (Principal) null)};
        }
        try {
            container.handle(login);
        } catch (IOException | UnsupportedCallbackException e) {
            AuthException failed = new AuthException("the container did not take the caller of an API key");
            failed.initCause(e);
            throw failed;
        }
        return AuthStatus.SUCCESS;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo message, Subject service) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo message, Subject subject) {
        if (subject != null) {
            subject.getPrincipals().clear();
        }
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
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).strip();
        }
        return value.isEmpty() ? null : value;
    }
}
