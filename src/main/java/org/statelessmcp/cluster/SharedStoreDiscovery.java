package org.statelessmcp.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds, once, the distributed cache the server offers, in this order: the WildFly Infinispan cache an operator maps
 * to {@value #INFINISPAN_REFERENCE}; the container's JCache (Payara); a JCache provider installed as a server library
 * (Open Liberty). Without any, each instance keeps its own state, and the startup log says so. The maps it hands out
 * belong to this application alone ({@link Namespace}).
 */
@ApplicationScoped
public class SharedStoreDiscovery {

    /**
     * The resource reference a WildFly operator adds to the deployment (a deployment overlay with
     * {@code WEB-INF/jboss-web.xml}, see {@code server-config/wildfly/}): the reference is also what makes WildFly
     * start the cache.
     */
    public static final String INFINISPAN_REFERENCE = "java:comp/env/stateless-mcp/shared-cache";

    private static final Logger LOG = Logger.getLogger(SharedStoreDiscovery.class.getName());

    private final ServletContext module;
    private final Optional<String> configuredNamespace;
    private volatile Optional<SharedStore> store = Optional.empty();

    /** For the CDI client proxy only. */
    protected SharedStoreDiscovery() {
        this(null, Optional.empty());
    }

    @Inject
    public SharedStoreDiscovery(ServletContext module,
                                @ConfigProperty(name = Namespace.SETTING) Optional<String> configuredNamespace) {
        this.module = module;
        this.configuredNamespace = configuredNamespace;
    }

    @PostConstruct
    void discover() {
        Namespace namespace = Namespace.of(configuredNamespace, module.getContextPath());
        store = infinispan().or(SharedStoreDiscovery::jcache)
                .map(found -> new NamespacedStore(found, namespace));
        LOG.info(store.map(found -> "Shared state (rate-limit windows, relayed MCP client answers) is kept in "
                + found.describe() + ", shared by every instance of its cluster; this application's maps end in '@"
                + namespace.value() + "' (" + Namespace.SETTING + ")")
                .orElse("No distributed cache found: each instance keeps its own rate-limit windows, and a 2025 MCP"
                        + " client's answer to a tool's question must reach the instance that asked (see"
                        + " docs/clustering.md for each server's cache)"));
    }

    @PreDestroy
    void release() {
        store.ifPresent(SharedStore::release);
    }

    /** The server's distributed cache, if it offers one. */
    public Optional<SharedStore> store() {
        return store;
    }

    private static Optional<SharedStore> infinispan() {
        Object cache;
        try {
            cache = new InitialContext().lookup(INFINISPAN_REFERENCE);
        } catch (NamingException | RuntimeException absent) {
            return Optional.empty();
        }
        try {
            return Optional.of(InfinispanStores.of(cache, INFINISPAN_REFERENCE));
        } catch (LinkageError | ClassCastException unusable) {
            LOG.log(Level.WARNING, INFINISPAN_REFERENCE + " names " + cache.getClass().getName()
                    + ", not an Infinispan cache this WAR can use (it needs the module org.infinispan.commons)",
                    unusable);
            return Optional.empty();
        }
    }

    private static Optional<SharedStore> jcache() {
        try {
            Class.forName("javax.cache.CacheManager", false, SharedStoreDiscovery.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        try {
            return JCacheStores.find(SharedStoreDiscovery.class.getClassLoader());
        } catch (LinkageError | RuntimeException unusable) {
            LOG.log(Level.WARNING, "JCache is there but offers no usable cache manager: state stays per instance",
                    unusable);
            return Optional.empty();
        }
    }
}
