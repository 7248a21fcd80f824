package org.statelessmcp.security;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.statelessmcp.registry.Unproxied;

/**
 * The security settings, read once at startup. The Python stateless-mcp's environment variables keep their meaning:
 * {@code SMCP_AUTH_ENABLED}, {@code SMCP_AUTH_HEADER_NAME}, {@code SMCP_API_KEYS}, {@code SMCP_RATE_LIMIT_ENABLED}
 * and {@code SMCP_DEFAULT_RATE_LIMIT} map to {@code smcp.auth.enabled}, {@code smcp.auth.header-name},
 * {@code smcp.api-keys}, {@code smcp.rate-limit.enabled} and {@code smcp.default-rate-limit}.
 */
@Unproxied
public class SecurityConfig {

    /** How callers are authenticated. */
    public enum Mechanism {
        /** stateless-mcp's own mechanism: API keys from the configuration. */
        API_KEY,
        /** The server's: whatever login the web module or the server configures. */
        CONTAINER
    }

    private final boolean authEnabled;
    private final Mechanism mechanism;
    private final String headerName;
    private final Optional<String> apiKeys;
    private final Optional<String> apiKeysFile;
    private final Optional<String> toolRoles;
    private final List<String> authorizationServers;
    private final Optional<String> resource;
    private final boolean rateLimitEnabled;
    private final String defaultRateLimit;
    private final Optional<String> toolRateLimits;
    private final Optional<String> roleRateLimits;
    private final Optional<String> trustedProxies;
    private final RateLimitMode rateLimitMode;

    /** How rate-limit windows are counted where the server has a shared cache. */
    public enum RateLimitMode {
        /** Blocks of a window's capacity leased from the shared count: never over, rarely under. */
        LEASED,
        /** One shared cache operation per request: exact. */
        EXACT,
        /** Each instance on its own: a cluster of N admits up to N times the limit. */
        LOCAL
    }

    @Inject
    public SecurityConfig(@ConfigProperty(name = "smcp.auth.enabled") boolean authEnabled,
                          @ConfigProperty(name = "smcp.auth.mechanism") String mechanism,
                          @ConfigProperty(name = "smcp.auth.header-name") String headerName,
                          @ConfigProperty(name = "smcp.api-keys") Optional<String> apiKeys,
                          @ConfigProperty(name = "smcp.api-keys-file") Optional<String> apiKeysFile,
                          @ConfigProperty(name = "smcp.auth.tool-roles") Optional<String> toolRoles,
                          @ConfigProperty(name = "smcp.auth.authorization-servers") Optional<String> servers,
                          @ConfigProperty(name = "smcp.auth.resource") Optional<String> resource,
                          @ConfigProperty(name = "smcp.rate-limit.enabled") boolean rateLimitEnabled,
                          @ConfigProperty(name = "smcp.default-rate-limit") String defaultRateLimit,
                          @ConfigProperty(name = "smcp.rate-limit.tools") Optional<String> toolRateLimits,
                          @ConfigProperty(name = "smcp.rate-limit.roles") Optional<String> roleRateLimits,
                          @ConfigProperty(name = "smcp.trusted-proxies") Optional<String> trustedProxies,
                          @ConfigProperty(name = "smcp.rate-limit.mode") String rateLimitMode) {
        this.authEnabled = authEnabled;
        this.mechanism = mechanism(mechanism);
        this.headerName = headerName.strip();
        this.apiKeys = apiKeys.filter(text -> !text.isBlank());
        this.apiKeysFile = apiKeysFile.filter(text -> !text.isBlank());
        this.toolRoles = toolRoles.filter(text -> !text.isBlank());
        this.authorizationServers = servers.stream().flatMap(list -> SettingLists.items(list).stream())
                .map(value -> ((jakarta.json.JsonString) value).getString()).toList();
        this.resource = resource.filter(text -> !text.isBlank());
        this.rateLimitEnabled = rateLimitEnabled;
        this.defaultRateLimit = defaultRateLimit;
        this.toolRateLimits = toolRateLimits.filter(text -> !text.isBlank());
        this.roleRateLimits = roleRateLimits.filter(text -> !text.isBlank());
        this.trustedProxies = trustedProxies.filter(text -> !text.isBlank());
        this.rateLimitMode = rateLimitMode(rateLimitMode);
    }

    static RateLimitMode rateLimitMode(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "leased" -> RateLimitMode.LEASED;
            case "exact" -> RateLimitMode.EXACT;
            case "local" -> RateLimitMode.LOCAL;
            default -> throw new IllegalArgumentException(
                    "smcp.rate-limit.mode must be leased, exact or local, not '" + name + "'");
        };
    }

    public RateLimitMode rateLimitMode() {
        return rateLimitMode;
    }

    static Mechanism mechanism(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "api-key", "api_key", "apikey" -> Mechanism.API_KEY;
            case "container" -> Mechanism.CONTAINER;
            default -> throw new IllegalArgumentException(
                    "smcp.auth.mechanism must be api-key or container, not '" + name + "'");
        };
    }

    /** Whether {@code /mcp} and {@code /tools} require an authenticated caller. */
    public boolean authEnabled() {
        return authEnabled;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    /** Whether callers authenticate with stateless-mcp's API keys (authentication on, {@code api-key} mechanism). */
    public boolean apiKeysOn() {
        return authEnabled && mechanism == Mechanism.API_KEY;
    }

    /** The header carrying an API key besides {@code Authorization: Bearer}. */
    public String headerName() {
        return headerName;
    }

    public Optional<String> apiKeys() {
        return apiKeys;
    }

    public Optional<String> apiKeysFile() {
        return apiKeysFile;
    }

    /** Tool name to roles, overriding {@code @RolesAllowed}. */
    public Optional<String> toolRoles() {
        return toolRoles;
    }

    /** The OAuth authorization servers whose tokens the server's realm accepts; empty when there are none. */
    public List<String> authorizationServers() {
        return authorizationServers;
    }

    /** This server's resource identifier (its {@code /mcp} URL) for OAuth; derived from the request if absent. */
    public Optional<String> resource() {
        return resource;
    }

    public boolean rateLimitEnabled() {
        return rateLimitEnabled;
    }

    public String defaultRateLimit() {
        return defaultRateLimit;
    }

    public Optional<String> toolRateLimits() {
        return toolRateLimits;
    }

    public Optional<String> roleRateLimits() {
        return roleRateLimits;
    }

    public Optional<String> trustedProxies() {
        return trustedProxies;
    }
}
