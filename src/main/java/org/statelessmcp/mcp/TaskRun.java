package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.protocol.JsonP;

/**
 * A task running on this instance: its tool's call, and the questions the tool waits on. A question is written into
 * the task, where {@code tasks/get} shows it on any instance; the answer comes back from whichever instance took the
 * client's {@code tasks/update}, at once when that is this one, else with the next sweep of this instance's tasks.
 */
final class TaskRun implements ClientRequests {

    private final String id;
    private final TaskRecord created;
    private final JsonObject capabilities;
    private final TaskStore store;
    private final Clock clock;
    private final Map<String, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<CallControl> control = new CompletableFuture<>();

    /**
     * @param created the task as it was created
     * @param capabilities the client capabilities the request that created the task declared
     */
    TaskRun(TaskRecord created, JsonObject capabilities, TaskStore store, Clock clock) {
        this.id = created.id();
        this.created = created;
        this.capabilities = capabilities;
        this.store = store;
        this.clock = clock;
    }

    String id() {
        return id;
    }

    /** The {@code CreateTaskResult} answering the call that created the task. */
    String createResult() {
        return created.createResult();
    }

    /** The task's call has started. */
    void started(CallControl call) {
        control.complete(call);
    }

    /** Ends the call; the task then ends {@code cancelled}, unless something ended it first. */
    void cancel() {
        control.thenAccept(CallControl::abandon);
    }

    @Override
    public boolean supports(String capability) {
        return capabilities.get(capability) instanceof JsonObject;
    }

    @Override
    public CompletableFuture<JsonObject> send(InputRequest request) {
        if (!supports(request.capability())) {
            return CompletableFuture.failedFuture(new ToolCallException("the client did not declare the '"
                    + request.capability() + "' capability that this question needs"));
        }
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        // waiting before the question is visible: an answer arriving at once finds it
        waiting.put(request.key(), answer);
        answer.whenComplete((result, failure) -> waiting.remove(request.key(), answer));
        JsonObject question = JsonP.createObjectBuilder().add("method", request.method())
                .add("params", request.params()).build();
        TaskRecord asked = store.update(id, task -> task.terminal() ? task
                : task.asking(request.key(), question, clock.millis()));
        if (asked == null || asked.terminal()) {
            answer.completeExceptionally(new CancellationException("the task has ended"));
        }
        return answer;
    }

    /** Hands the tool the answers {@code task} holds, and takes them out of the task. */
    void deliver(TaskRecord task) {
        if (task.responses().isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        task.responses().forEach((key, value) -> {
            taken.add(key);
            CompletableFuture<JsonObject> answer = waiting.get(key);
            if (answer != null && value instanceof JsonObject result) {
                answer.complete(result);
            }
        });
        store.update(id, current -> current.taking(taken));
    }
}
