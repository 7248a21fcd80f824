package org.statelessmcp.transport;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses browser requests from origins that are not allowed, against DNS rebinding: a page on
 * {@code evil.example} that resolves to 127.0.0.1 still sends {@code Origin: http://evil.example}. Requests without
 * an {@code Origin} (every non-browser client) pass; loopback origins pass; others only when configured.
 */
final class OriginGuard {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final List<String> allowed;
    private final boolean any;

    OriginGuard(List<String> allowed) {
        this.allowed = allowed.stream().map(OriginGuard::normalize).toList();
        this.any = allowed.contains("*");
    }

    /**
     * Whether {@code origin} is on the configured list (or the list is {@code *}): only those origins get CORS
     * headers, so that CORS is off until an operator names the web applications that may call.
     */
    boolean listed(String origin) {
        return origin != null && (any || allowed.contains(normalize(origin)));
    }

    boolean allows(String origin) {
        if (origin == null || any) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        try {
            String host = URI.create(normalized).getHost();
            return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
