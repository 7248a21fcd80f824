package org.statelessmcp.operations;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.statelessmcp.mcp.AnswerRelay;

/**
 * Relays client answers through the container's JCache, which Payara backs with its Hazelcast cluster: the asking
 * instance marks the request id as expected, the instance that receives the answer replaces the mark with it (an
 * atomic {@code replace}, so unexpected answers are dropped), and the asking instance collects it. Values are JSON strings, so no class of this WAR ever has to be
 * known to a cluster member. Answers nobody collects expire.
 *
 * <p>Not a CDI bean, and loaded only by {@link #create()} through reflection: servers without JCache never load
 * it.
 */
final class JCacheAnswerRelay implements AnswerRelay {

    static final String CACHE = "smcp-client-answers";
    /** The value of an expected answer not yet given; no JSON-RPC response is an empty string. */
    private static final String WAITING = "";
    private static final long EXPIRY_MINUTES = 10;

    private final Cache<String, String> answers;

    private JCacheAnswerRelay(Cache<String, String> answers) {
        this.answers = answers;
    }

    /** The relay over the container's cache manager, or {@code null} when the container offers none. */
    static AnswerRelay create() {
        Instance<CacheManager> managers = CDI.current().select(CacheManager.class);
        if (!managers.isResolvable()) {
            return null;
        }
        CacheManager manager = managers.get();
        Cache<String, String> cache = manager.getCache(CACHE, String.class, String.class);
        if (cache == null) {
            try {
                cache = manager.createCache(CACHE, new MutableConfiguration<String, String>()
                        .setTypes(String.class, String.class)
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                                new Duration(TimeUnit.MINUTES, EXPIRY_MINUTES))));
            } catch (CacheException createdMeanwhile) {
                // another instance created it first
                cache = manager.getCache(CACHE, String.class, String.class);
            }
        }
        return new JCacheAnswerRelay(cache);
    }

    @Override
    public boolean reachable() {
        try {
            answers.containsKey("smcp-readiness-probe");
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    public void expect(String requestId) {
        answers.put(requestId, WAITING);
    }

    @Override
    public void forget(String requestId) {
        answers.remove(requestId);
    }

    @Override
    public void publish(String requestId, String response) {
        answers.replace(requestId, WAITING, response);
    }

    @Override
    public Map<String, String> collect(Set<String> requestIds) {
        Map<String, String> found = new HashMap<>(answers.getAll(requestIds));
        found.values().removeIf(WAITING::equals);
        found.keySet().forEach(answers::remove);
        return found;
    }
}
