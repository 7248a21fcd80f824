package org.statelessmcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.statelessmcp.registry.ToolRegistry;

/**
 * Checks the security configuration at deployment, so that a mistake fails the deployment rather than leaving an
 * endpoint open or a limit unenforced, and says in the log what is in force.
 */
@ApplicationScoped
public class SecurityStartup {

    private static final Logger LOG = Logger.getLogger(SecurityStartup.class.getName());

    void check(@Observes @Initialized(ApplicationScoped.class) Object started, SecurityConfig config,
               ConfiguredKeys keys, ToolRoles roles, RateLimiter limiter, ToolRegistry registry) {
        if (!config.authEnabled()) {
            LOG.info("Authentication is off (smcp.auth.enabled=false): /mcp and /tools are open to every caller");
            if (roles.restrictsAny()) {
                LOG.warning("Tools " + new TreeMap<>(roles.restricted()) + " require roles, and with authentication"
                        + " off no caller has any: nobody can call them");
            }
        } else if (config.mechanism() == SecurityConfig.Mechanism.API_KEY) {
            if (keys.keys().size() == 0) {
                throw new IllegalStateException("smcp.auth.enabled=true but no API key is configured: set "
                        + "SMCP_API_KEYS (smcp.api-keys) or SMCP_API_KEYS_FILE (smcp.api-keys-file)");
            }
            LOG.info("Authentication: " + keys.keys().size() + " API key(s), in the " + config.headerName()
                    + " header or as a bearer token");
        } else {
            LOG.info("Authentication: the server's own login (smcp.auth.mechanism=container)");
        }
        if (roles.restrictsAny()) {
            LOG.info("Tool roles: " + new TreeMap<>(roles.restricted()));
        }
        for (String tool : limiter.toolLimits().keySet()) {
            if (registry.find(tool) == null) {
                throw new IllegalArgumentException("smcp.rate-limit.tools names the tool '" + tool
                        + "', which is not deployed");
            }
        }
        LOG.info(limiter.enabled() ? limiter.describe() : "Rate limits are off (smcp.rate-limit.enabled=false)");
    }
}
