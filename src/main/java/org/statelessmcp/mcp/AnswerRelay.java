package org.statelessmcp.mcp;

import java.util.Map;
import java.util.Set;

/**
 * Carries a 2025 client's answer to a server-to-client request (elicitation, sampling) from the instance that
 * received it to the instance whose call is waiting for it, through storage every instance shares.
 */
public interface AnswerRelay {

    /** For deployments without shared storage: an answer must reach the instance that asked. */
    AnswerRelay NONE = new AnswerRelay() {
        @Override
        public void expect(String requestId) {
        }

        @Override
        public void forget(String requestId) {
        }

        @Override
        public void publish(String requestId, String response) {
        }

        @Override
        public Map<String, String> collect(Set<String> requestIds) {
            return Map.of();
        }
    };

    /** Whether the shared storage answers now; a relay that needs none always does. */
    default boolean reachable() {
        return true;
    }

    /** Whether answers travel between instances at all. */
    default boolean shared() {
        return this != NONE;
    }

    /** A call on this instance now waits for the answer to {@code requestId}: only expected answers are kept. */
    void expect(String requestId);

    /** The call no longer waits for {@code requestId}. */
    void forget(String requestId);

    /**
     * Leaves the client's JSON-RPC response for the instance that waits for {@code requestId}; an answer nobody
     * expects is dropped, so that clients cannot fill the shared storage with made-up answers.
     */
    void publish(String requestId, String response);

    /** Takes the responses published for any of {@code requestIds}, by id. */
    Map<String, String> collect(Set<String> requestIds);
}
