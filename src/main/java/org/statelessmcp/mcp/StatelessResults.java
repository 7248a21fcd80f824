package org.statelessmcp.mcp;

import org.statelessmcp.dispatch.Outcome;

/**
 * Completes results for MCP 2026-07-28: {@code resultType}, the server's identity in {@code _meta}, and caching
 * hints where the revision requires them. Results are rendered by this server, which never puts a top-level
 * {@code _meta}, {@code ttlMs} or {@code cacheScope} in them, so the fields are inserted without parsing.
 */
final class StatelessResults {

    /** How a result may be cached by clients and intermediaries. */
    enum Caching {
        /** No hints: results that are not cacheable by nature, such as tool calls. */
        NONE,
        /** The same for every caller, for the configured list time-to-live. */
        PUBLIC,
        /** The same for this caller, for the configured list time-to-live: lists filtered by the caller's roles. */
        PRIVATE,
        /** Not to be reused: resource contents may change from one read to the next. */
        PRIVATE_NOW
    }

    private static final String INPUT_REQUIRED = "{\"resultType\":";

    private final String meta;
    private final long listTtlMillis;

    /**
     * @param serverInfo the {@code Implementation} object naming this server
     * @param listTtlMillis how long list results may be cached
     */
    StatelessResults(String serverInfo, long listTtlMillis) {
        this.meta = "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":" + serverInfo + '}';
        this.listTtlMillis = listTtlMillis;
    }

    Outcome complete(Outcome outcome, Caching caching) {
        if (!(outcome instanceof Outcome.Success success) || !success.json().startsWith("{")) {
            return outcome;
        }
        String json = success.json();
        // an input_required result already says what it is, and is never cached
        boolean typed = json.startsWith(INPUT_REQUIRED);
        StringBuilder completed = new StringBuilder(json.length() + meta.length() + 64).append('{');
        if (!typed) {
            completed.append("\"resultType\":\"complete\",");
        }
        completed.append(meta);
        if (!typed && caching == Caching.PUBLIC) {
            completed.append(",\"ttlMs\":").append(listTtlMillis).append(",\"cacheScope\":\"public\"");
        } else if (!typed && caching == Caching.PRIVATE) {
            completed.append(",\"ttlMs\":").append(listTtlMillis).append(",\"cacheScope\":\"private\"");
        } else if (!typed && caching == Caching.PRIVATE_NOW) {
            completed.append(",\"ttlMs\":0,\"cacheScope\":\"private\"");
        }
        String rest = json.substring(1);
        if (!rest.equals("}")) {
            completed.append(',');
        }
        return new Outcome.Success(completed.append(rest).toString(), success.value());
    }
}
