package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;

/**
 * MCP's tasks extension ({@code io.modelcontextprotocol/tasks}, SEP-2663) on a stateless cluster. A task is stored
 * in the distributed cache before its id is returned, so that any instance answers {@code tasks/get},
 * {@code tasks/update} and {@code tasks/cancel} for it; the instance running the tool writes its questions and its
 * end into the task, and a sweep every fraction of a second hands it the answers and cancellations other instances
 * recorded, and shows it alive. A task whose instance stops showing life ends {@code failed} on the next
 * {@code tasks/get}. A task belongs to the caller that created it: to anyone else it does not exist.
 */
final class Tasks {

    static final String EXTENSION = "io.modelcontextprotocol/tasks";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The extension's own wording; the same for a made-up id and for another caller's task. */
    private static final JsonRpcError NOT_FOUND = new JsonRpcError(JsonRpcError.INVALID_PARAMS,
            "Failed to retrieve task: Task not found", null);

    private final TaskStore store;
    private final McpServer.TaskSettings settings;
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, TaskRun> running = new ConcurrentHashMap<>();

    Tasks(McpServer.TaskSettings settings) {
        this.settings = settings;
        this.store = new TaskStore(settings.store(), settings.shared());
    }

    /** Whether {@code context}'s request declares the extension: only then may it get a task. */
    static boolean declared(RequestContext context) {
        return context.clientCapabilities().get("extensions") instanceof JsonObject extensions
                && extensions.get(EXTENSION) instanceof JsonObject;
    }

    /** Creates a task for a call of {@code tool} about to run here; when this returns, every instance finds it. */
    TaskRun create(String tool, RequestContext context) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        TaskRecord task = TaskRecord.started(id, context.principal(), tool, instance, settings.clock().millis(),
                settings.ttl().toMillis(), settings.pollInterval().toMillis());
        TaskRun run = new TaskRun(task, context.clientCapabilities(), store, settings.clock());
        store.create(task);
        // only once stored: a sweep in between would take a task it cannot find for expired
        running.put(id, run);
        return run;
    }

    /** {@code run}'s task ends as its call did. */
    void follow(TaskRun run, CallControl call) {
        run.started(call);
        call.outcome().thenAccept(outcome -> end(run, outcome));
    }

    private void end(TaskRun run, Outcome outcome) {
        running.remove(run.id());
        long now = settings.clock().millis();
        store.update(run.id(), task -> task.terminal() ? task : ending(task, outcome, now));
    }

    /**
     * A tool's declared failure and its timeout are error results, as in a direct call, so the task completes; the
     * server's own failures (the tool crashed, its result could not be written) fail it.
     */
    private TaskRecord ending(TaskRecord task, Outcome outcome, long now) {
        if (outcome instanceof Outcome.Abandoned) {
            return task.ended(TaskRecord.Status.CANCELLED, "Cancelled by the client", null, null, now);
        }
        if (outcome instanceof Outcome.Failure failure && failure.internal()) {
            return failed(task, failure.error().message(), now);
        }
        if (outcome instanceof Outcome.Suspended) {
            return failed(task, "Internal error", now);
        }
        return completed(task, ToolResultJson.callToolResult(outcome, true), now);
    }

    private TaskRecord completed(TaskRecord task, Outcome rendered, long now) {
        if (!(rendered instanceof Outcome.Success success)) {
            return failed(task, "Internal error", now);
        }
        int size = success.json().getBytes(StandardCharsets.UTF_8).length;
        if (size > settings.maxResultBytes()) {
            return failed(task, "The task's result is " + size + " bytes, more than the "
                    + settings.maxResultBytes() + " a task keeps (smcp.mcp.tasks.max-result-size)", now);
        }
        return task.ended(TaskRecord.Status.COMPLETED, null, success.json(), null, now);
    }

    private static TaskRecord failed(TaskRecord task, String message, long now) {
        JsonObject error = JsonP.createObjectBuilder().add("code", JsonRpcError.INTERNAL_ERROR)
                .add("message", message).build();
        return task.ended(TaskRecord.Status.FAILED, message, null, error, now);
    }

    /** {@code tasks/get}: the task as it stands, with its questions, result or error. */
    PendingAnswer get(JsonObject params, RequestContext context) {
        Found found = find(params, context, McpMethod.TASKS_GET.wireName());
        if (found.error() != null) {
            return PendingAnswer.error(found.error());
        }
        return PendingAnswer.result(orphaned(found.task()).detailed());
    }

    /** {@code tasks/update}: answers to the task's questions; acknowledged before the tool has them. */
    PendingAnswer update(JsonObject params, RequestContext context) {
        if (!(params.get("inputResponses") instanceof JsonObject answers)) {
            return PendingAnswer.error(JsonRpcError.invalidParams(
                    "tasks/update needs inputResponses: an object of the client's results by input request key"));
        }
        for (Map.Entry<String, JsonValue> answer : answers.entrySet()) {
            if (!(answer.getValue() instanceof JsonObject)) {
                return PendingAnswer.error(JsonRpcError.invalidParams("inputResponses." + answer.getKey()
                        + " must be an object: the client's result for that input request"));
            }
        }
        Found found = find(params, context, McpMethod.TASKS_UPDATE.wireName());
        if (found.error() != null) {
            return PendingAnswer.error(found.error());
        }
        long now = settings.clock().millis();
        TaskRecord answered = store.update(found.task().id(), task -> task.terminal() ? task
                : task.answering(answers, now));
        TaskRun local = running.get(found.task().id());
        if (local != null && answered != null) {
            local.deliver(answered);
        }
        return PendingAnswer.result("{}");
    }

    /** {@code tasks/cancel}: asks the instance running the task to stop it; acknowledged at once. */
    PendingAnswer cancel(JsonObject params, RequestContext context) {
        Found found = find(params, context, McpMethod.TASKS_CANCEL.wireName());
        if (found.error() != null) {
            return PendingAnswer.error(found.error());
        }
        if (!found.task().terminal()) {
            store.update(found.task().id(), task -> task.terminal() ? task : task.cancelling());
            TaskRun local = running.get(found.task().id());
            if (local != null) {
                local.cancel();
            }
        }
        return PendingAnswer.result("{}");
    }

    private record Found(TaskRecord task, JsonRpcError error) {
    }

    /** The caller's task named by {@code params.taskId}; another caller's task is as unknown as a made-up id. */
    private Found find(JsonObject params, RequestContext context, String method) {
        if (!declared(context)) {
            return new Found(null, JsonRpcError.missingClientExtension(EXTENSION));
        }
        if (!(params.get("taskId") instanceof JsonString id)) {
            return new Found(null, JsonRpcError.invalidParams(method + " needs params.taskId"));
        }
        TaskRecord task = store.find(id.getString());
        if (task == null || !task.owner().equals(context.principal())) {
            return new Found(null, NOT_FOUND);
        }
        if (task.expired(settings.clock().millis())) {
            store.remove(task.id());
            return new Found(null, new JsonRpcError(JsonRpcError.INVALID_PARAMS,
                    "Failed to retrieve task: Task has expired", null));
        }
        return new Found(task, null);
    }

    /** A running task whose instance has shown no life for too long has failed with it. */
    private TaskRecord orphaned(TaskRecord task) {
        long now = settings.clock().millis();
        if (task.terminal() || running.containsKey(task.id())
                || now - task.heartbeatAt() < settings.orphanAfter().toMillis()) {
            return task;
        }
        String message = "The instance running this task stopped: no sign of life for "
                + settings.orphanAfter().toSeconds() + " s";
        TaskRecord ended = store.update(task.id(), current -> current.terminal()
                || now - current.heartbeatAt() < settings.orphanAfter().toMillis() ? current
                        : failed(current, message, now));
        return ended == null ? task : ended;
    }

    /**
     * Hands this instance's running tasks what other instances recorded for them (answers, cancellations) and shows
     * them alive. Cheap when none runs here.
     */
    void sweep() {
        if (running.isEmpty()) {
            return;
        }
        long now = settings.clock().millis();
        long beat = Math.max(settings.orphanAfter().toMillis() / 3, 1);
        Set<String> ids = Set.copyOf(running.keySet());
        Map<String, TaskRecord> tasks = store.findAll(ids);
        // only the tasks looked for: one created since is not in the answer, and is not gone for that
        for (String id : ids) {
            TaskRun run = running.get(id);
            if (run == null) {
                continue; // ended meanwhile
            }
            TaskRecord task = tasks.get(id);
            if (task == null || task.cancelRequested() || task.terminal()) {
                run.cancel(); // expired, cancelled, or ended by another instance taking it for dead
                continue;
            }
            run.deliver(task);
            if (now - task.heartbeatAt() >= beat) {
                store.update(id, current -> current.beating(now));
            }
        }
    }

    /**
     * This instance stops: its running tasks fail now rather than when their silence is noticed. When none runs there
     * is nothing to do, and nothing to load: Payara Server has closed the application's class loader by then, and a
     * class first needed here (a task's) cannot be loaded any more.
     */
    void stop() {
        if (running.isEmpty()) {
            return;
        }
        long now = settings.clock().millis();
        running.forEach((id, run) -> {
            store.update(id, task -> task.terminal() ? task
                    : failed(task, "The instance running this task stopped", now));
            run.cancel();
        });
    }

    /** What the startup log says about tasks. */
    String describe() {
        return store.shared() ? "every instance of the cluster answers for every task"
                : "kept in this instance's memory: route tasks/get, tasks/update and tasks/cancel to the instance"
                        + " that created the task (the Mcp-Name header carries its id)";
    }
}
