package org.statelessmcp.mcp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.statelessmcp.cluster.SharedStore;
import org.statelessmcp.cluster.SharedStrings;

/**
 * Relays client answers through the server's distributed cache: the asking instance marks the request id as
 * expected, the instance that receives the answer replaces the mark with it (an atomic {@code replace}, so unexpected
 * answers are dropped), and the asking instance collects it. Values are JSON strings. Answers nobody collects expire.
 */
public final class SharedAnswerRelay implements AnswerRelay {

    static final String MAP = "smcp-client-answers";
    /**
     * The value of an expected answer not yet given: no JSON-RPC response (an object) is this string. Not the empty
     * string, which WildFly's ProtoStream marshaller fails to read on the other member (IPROTO000003).
     */
    private static final String WAITING = "waiting";
    private static final Duration EXPIRY = Duration.ofMinutes(10);

    private final SharedStore store;
    private final SharedStrings answers;

    public SharedAnswerRelay(SharedStore store) {
        this.store = store;
        this.answers = store.strings(MAP, EXPIRY);
    }

    @Override
    public boolean reachable() {
        return store.reachable();
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
        Map<String, String> found = answers.getAll(requestIds);
        found.values().removeIf(WAITING::equals);
        found.keySet().forEach(answers::remove);
        return found;
    }
}
