package org.statelessmcp.cluster;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/**
 * Finds a JCache cache manager: the one the container offers through CDI (Payara), else the default manager of the one
 * JCache provider visible to this WAR (a provider installed as a server library, as on Open Liberty). A class of its
 * own so that servers without {@code javax.cache} never load it.
 */
final class JCacheStores {

    private JCacheStores() {
    }

    static Optional<SharedStore> find(ClassLoader loader) {
        Instance<CacheManager> managers = CDI.current().select(CacheManager.class);
        if (managers.isResolvable()) {
            return Optional.of(new JCacheStore(managers.get(), "the container's JCache (caches smcp-*)", true, () -> {
            }));
        }
        CachingProvider provider;
        try {
            provider = Caching.getCachingProvider(loader);
        } catch (CacheException noneOrSeveral) {
            return Optional.empty();
        }
        // The default manager: Hazelcast scopes a manager's cache names by its class loader when it is not the
        // default one, and each instance's WAR class loader is another, so instances would share nothing (seen on
        // Open Liberty). The provider's member belongs to this deployment: a redeployed WAR must not meet it again.
        return Optional.of(new JCacheStore(provider.getCacheManager(),
                "the JCache provider " + provider.getClass().getName() + " (caches smcp-*)", false, provider::close));
    }
}
