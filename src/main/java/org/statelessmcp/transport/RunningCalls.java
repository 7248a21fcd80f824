package org.statelessmcp.transport;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.statelessmcp.registry.Unproxied;

/**
 * The MCP calls of this instance that are answered later, so that a client's {@code notifications/cancelled} can
 * reach the one it means. Without a session a request id alone does not name a call: it is matched together with
 * the caller (principal and address), and when two running calls match, neither is cancelled.
 */
@Unproxied
public class RunningCalls {

    /** Who asked, and the id of their request (as JSON, so that {@code 5} and {@code "5"} differ). */
    record Key(String principal, String address, String id) {

        static Key of(HttpServletRequest request, JsonValue id) {
            Principal user = request.getUserPrincipal();
            return new Key(user == null ? "" : user.getName(), request.getRemoteAddr(), id.toString());
        }
    }

    private record Entry(Runnable cancel, int count) {
    }

    private final ConcurrentMap<Key, Entry> calls = new ConcurrentHashMap<>();

    /** Tracks a call until {@code ended} completes; {@code cancel} stops it and ends its response. */
    void track(Key key, Runnable cancel, CompletableFuture<?> ended) {
        calls.merge(key, new Entry(cancel, 1), (present, added) -> new Entry(present.cancel(), present.count() + 1));
        ended.whenComplete((result, failure) -> calls.computeIfPresent(key,
                (same, entry) -> entry.count() == 1 ? null : new Entry(entry.cancel(), entry.count() - 1)));
    }

    /**
     * Cancels the call a {@code notifications/cancelled} names, if exactly one such call runs here.
     *
     * @return whether a call was cancelled
     */
    boolean cancel(HttpServletRequest request, JsonValue requestId) {
        if (!(requestId instanceof JsonString || requestId instanceof JsonNumber)) {
            return false;
        }
        Entry entry = calls.get(Key.of(request, requestId));
        if (entry == null || entry.count() != 1) {
            return false;
        }
        entry.cancel().run();
        return true;
    }
}
