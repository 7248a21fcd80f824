package org.statelessmcp.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Removes stateless-mcp's identity store from the deployment unless API-key authentication is on, so that in
 * {@code container} mode the server's own login and the application's stores are all there is.
 */
public class SecurityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(SecurityExtension.class.getName());

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
            // SecurityStartup fails the deployment with this message
            LOG.severe(unknown.getMessage());
            return true;
        }
    }
}
