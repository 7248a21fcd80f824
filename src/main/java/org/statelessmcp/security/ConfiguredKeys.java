package org.statelessmcp.security;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.statelessmcp.registry.Unproxied;

/**
 * The API keys of the configuration ({@code smcp.api-keys}) and of the key file ({@code smcp.api-keys-file}), read
 * once. A malformed entry, an unreadable file or a duplicate name fails the deployment with a message naming the
 * setting and the entry, never the key.
 */
@Unproxied
public class ConfiguredKeys {

    private static final Logger LOG = Logger.getLogger(ConfiguredKeys.class.getName());

    private final ApiKeys keys;

    @Inject
    public ConfiguredKeys(SecurityConfig config) {
        ApiKeys configured = ApiKeys.parse(config.apiKeys().orElse(""), "smcp.api-keys");
        if (config.apiKeysFile().isPresent()) {
            Path file = Path.of(config.apiKeysFile().get());
            try {
                configured = configured.and(ApiKeys.parse(Files.readString(file, StandardCharsets.UTF_8),
                        "smcp.api-keys-file " + file));
            } catch (IOException e) {
                throw new IllegalStateException("smcp.api-keys-file " + file + " cannot be read: " + e, e);
            }
        }
        configured.warnings().forEach(LOG::warning);
        this.keys = configured;
    }

    public ApiKeys keys() {
        return keys;
    }
}
