package org.statelessmcp.cluster;

import org.infinispan.commons.api.BasicCache;

/** Wraps what JNDI returned; a class of its own so that only servers with Infinispan ever load the API. */
final class InfinispanStores {

    private InfinispanStores() {
    }

    @SuppressWarnings("unchecked")
    static SharedStore of(Object cache, String reference) {
        BasicCache<String, Object> basic = (BasicCache<String, Object>) cache;
        return new InfinispanStore(basic, "WildFly's Infinispan cache '" + basic.getName() + "' (bound to "
                + reference + ")");
    }
}
