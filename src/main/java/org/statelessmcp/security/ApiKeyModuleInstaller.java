package org.statelessmcp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContext;

/**
 * Registers {@link ApiKeyAuthModule} with the container for this web module when API-key authentication is on,
 * and removes it when the module stops. Otherwise nothing is registered: in {@code container} mode the server's
 * own login applies, and with authentication off the container runs no authentication module at all.
 */
@ApplicationScoped
public class ApiKeyModuleInstaller {

    void install(@Observes @Initialized(ApplicationScoped.class) ServletContext module, SecurityConfig config,
                 ConfiguredKeys keys) {
        if (config.apiKeysOn()) {
            AuthConfigFactory.getFactory().registerServerAuthModule(
                    new ApiKeyAuthModule(keys.keys(), config.headerName()), module);
        }
    }

    void remove(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext module, SecurityConfig config) {
        if (config.apiKeysOn()) {
            AuthConfigFactory.getFactory().removeServerAuthModule(module);
        }
    }
}
