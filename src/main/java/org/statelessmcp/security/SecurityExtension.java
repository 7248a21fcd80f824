package org.statelessmcp.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Removes stateless-mcp's authentication mechanism and identity store from the deployment unless API-key
 * authentication is on. A Jakarta Security mechanism, once present, runs on every request of the application and
 * would shadow the server's own login in {@code container} mode; absent, it costs nothing.
 */
public class SecurityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SecurityExtension.class.getName());

    void mechanism(@Observes ProcessAnnotatedType<ApiKeyMechanism> type) {
        vetoUnlessApiKeys(type);
    }

    void identityStore(@Observes ProcessAnnotatedType<ApiKeyIdentityStore> type) {
        vetoUnlessApiKeys(type);
    }

    private static void vetoUnlessApiKeys(ProcessAnnotatedType<?> type) {
        if (!apiKeysOn()) {
            type.veto();
        }
    }

    private static boolean apiKeysOn() {
        Config config = ConfigProvider.getConfig(SecurityExtension.class.getClassLoader());
        boolean enabled = config.getOptionalValue("smcp.auth.enabled", Boolean.class).orElse(false);
        String mechanism = config.getOptionalValue("smcp.auth.mechanism", String.class).orElse("api-key");
        try {
            return enabled && SecurityConfig.mechanism(mechanism) == SecurityConfig.Mechanism.API_KEY;
        } catch (IllegalArgumentException unknown) {
            // SecurityStartup fails the deployment with this message; keep the mechanism so nothing runs open
            LOG.severe(unknown.getMessage());
            return true;
        }
    }
}
