package org.statelessmcp.mcp;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonStrings;

/**
 * One task as the distributed cache keeps it: what {@code tasks/get} shows, and what the instances tell each other
 * about it (who runs it and when it last showed life, a cancellation asked for, answers not yet taken by the running
 * tool). Stored as a JSON string, so that no class of this WAR needs to be known to another cluster member; every
 * change is a compare-and-replace of the whole value.
 *
 * @param id the task id, unguessable
 * @param owner the caller the task belongs to (the principal's name, empty when anonymous)
 * @param tool the tool it runs
 * @param status where it stands
 * @param statusMessage a word for the client about the status, or {@code null}
 * @param createdAt when it was created, in epoch milliseconds
 * @param lastUpdatedAt when its status, questions or result last changed
 * @param ttlMillis how long after creation it is kept
 * @param pollIntervalMillis how often a client should poll
 * @param runner the instance running it
 * @param heartbeatAt when the runner last showed it is alive
 * @param cancelRequested whether a client asked to cancel it
 * @param inputRequests the questions waiting for the client, by key
 * @param responses answers the client gave that the running tool has not taken yet, by key
 * @param result the final {@code CallToolResult} as JSON, once completed
 * @param error the JSON-RPC error, once failed
 */
record TaskRecord(String id, String owner, String tool, Status status, String statusMessage, long createdAt,
                  long lastUpdatedAt, long ttlMillis, long pollIntervalMillis, String runner, long heartbeatAt,
                  boolean cancelRequested, JsonObject inputRequests, JsonObject responses, String result,
                  JsonObject error) {

    /** The statuses of the tasks extension. */
    enum Status {
        WORKING, INPUT_REQUIRED, COMPLETED, FAILED, CANCELLED;

        private static final Set<Status> TERMINAL = Set.of(COMPLETED, FAILED, CANCELLED);

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean terminal() {
            return TERMINAL.contains(this);
        }

        static Status of(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    TaskRecord {
        inputRequests = inputRequests == null ? JsonValue.EMPTY_JSON_OBJECT : inputRequests;
        responses = responses == null ? JsonValue.EMPTY_JSON_OBJECT : responses;
    }

    /** A task that has just started on {@code runner}. */
    static TaskRecord started(String id, String owner, String tool, String runner, long now, long ttlMillis,
                              long pollIntervalMillis) {
        return new TaskRecord(id, owner, tool, Status.WORKING, null, now, now, ttlMillis, pollIntervalMillis, runner,
                now, false, null, null, null, null);
    }

    boolean terminal() {
        return status.terminal();
    }

    /** Whether it is past its time to live at {@code now}. */
    boolean expired(long now) {
        return now >= createdAt + ttlMillis;
    }

    /** The tool asks its client {@code request} under {@code key}. */
    TaskRecord asking(String key, JsonObject request, long now) {
        JsonObject questions = JsonP.createObjectBuilder(inputRequests).add(key, request).build();
        return new TaskRecord(id, owner, tool, Status.INPUT_REQUIRED, null, createdAt, now, ttlMillis,
                pollIntervalMillis, runner, heartbeatAt, cancelRequested, questions, responses, result, error);
    }

    /**
     * The client answers: answers to questions still open move to {@link #responses()}, the others are ignored (the
     * extension's rule for keys never issued, already answered or superseded). Back to working once none is open.
     */
    TaskRecord answering(JsonObject answers, long now) {
        JsonObjectBuilder open = JsonP.createObjectBuilder(inputRequests);
        JsonObjectBuilder given = JsonP.createObjectBuilder(responses);
        boolean changed = false;
        for (var answer : answers.entrySet()) {
            if (inputRequests.containsKey(answer.getKey())) {
                open.remove(answer.getKey());
                given.add(answer.getKey(), answer.getValue());
                changed = true;
            }
        }
        if (!changed) {
            return this;
        }
        JsonObject stillOpen = open.build();
        return new TaskRecord(id, owner, tool, stillOpen.isEmpty() ? Status.WORKING : Status.INPUT_REQUIRED, null,
                createdAt, now, ttlMillis, pollIntervalMillis, runner, heartbeatAt, cancelRequested, stillOpen,
                given.build(), result, error);
    }

    /** The running tool has taken the answers under {@code keys}. */
    TaskRecord taking(Set<String> keys) {
        JsonObjectBuilder left = JsonP.createObjectBuilder(responses);
        keys.forEach(left::remove);
        return new TaskRecord(id, owner, tool, status, statusMessage, createdAt, lastUpdatedAt, ttlMillis,
                pollIntervalMillis, runner, heartbeatAt, cancelRequested, inputRequests, left.build(), result, error);
    }

    /** A client asked to cancel it. */
    TaskRecord cancelling() {
        return new TaskRecord(id, owner, tool, status, statusMessage, createdAt, lastUpdatedAt, ttlMillis,
                pollIntervalMillis, runner, heartbeatAt, true, inputRequests, responses, result, error);
    }

    /** The runner is alive at {@code now}. */
    TaskRecord beating(long now) {
        return new TaskRecord(id, owner, tool, status, statusMessage, createdAt, lastUpdatedAt, ttlMillis,
                pollIntervalMillis, runner, now, cancelRequested, inputRequests, responses, result, error);
    }

    /** It ended with {@code status}; questions and untaken answers are dropped. */
    TaskRecord ended(Status end, String message, String callToolResult, JsonObject jsonRpcError, long now) {
        return new TaskRecord(id, owner, tool, end, message, createdAt, now, ttlMillis, pollIntervalMillis, runner,
                heartbeatAt, cancelRequested, null, null, callToolResult, jsonRpcError);
    }

    /** The {@code CreateTaskResult} of the call that created it (the server's {@code _meta} is added later). */
    String createResult() {
        return "{\"resultType\":\"task\"," + taskFields() + '}';
    }

    /** The {@code DetailedTask} of {@code tasks/get}: the task, and its questions, result or error. */
    String detailed() {
        StringBuilder json = new StringBuilder("{").append(taskFields());
        switch (status) {
            case INPUT_REQUIRED -> json.append(",\"inputRequests\":").append(inputRequests);
            case COMPLETED -> json.append(",\"result\":").append(result);
            case FAILED -> json.append(",\"error\":").append(error);
            default -> {}
        }
        return json.append('}').toString();
    }

    private String taskFields() {
        StringBuilder json = new StringBuilder(160).append("\"taskId\":").append(JsonStrings.quote(id))
                .append(",\"status\":\"").append(status.wireName()).append('"');
        if (statusMessage != null) {
            json.append(",\"statusMessage\":").append(JsonStrings.quote(statusMessage));
        }
        return json.append(",\"createdAt\":\"").append(Instant.ofEpochMilli(createdAt))
                .append("\",\"lastUpdatedAt\":\"").append(Instant.ofEpochMilli(lastUpdatedAt))
                .append("\",\"ttlMs\":").append(ttlMillis).append(",\"pollIntervalMs\":").append(pollIntervalMillis)
                .toString();
    }

    /** The value the cache keeps. */
    String toJson() {
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("id", id).add("owner", owner).add("tool", tool)
                .add("status", status.wireName()).add("createdAt", createdAt).add("lastUpdatedAt", lastUpdatedAt)
                .add("ttlMs", ttlMillis).add("pollIntervalMs", pollIntervalMillis).add("runner", runner)
                .add("heartbeatAt", heartbeatAt).add("cancelRequested", cancelRequested)
                .add("inputRequests", inputRequests).add("responses", responses);
        if (statusMessage != null) {
            json.add("statusMessage", statusMessage);
        }
        if (result != null) {
            json.add("result", result);
        }
        if (error != null) {
            json.add("error", error);
        }
        return json.build().toString();
    }

    static TaskRecord parse(String stored) {
        JsonObject json;
        try (var reader = JsonP.createReader(new StringReader(stored))) {
            json = reader.readObject();
        }
        return new TaskRecord(json.getString("id"), json.getString("owner"), json.getString("tool"),
                Status.of(json.getString("status")), text(json, "statusMessage"),
                json.getJsonNumber("createdAt").longValue(), json.getJsonNumber("lastUpdatedAt").longValue(),
                json.getJsonNumber("ttlMs").longValue(), json.getJsonNumber("pollIntervalMs").longValue(),
                json.getString("runner"), json.getJsonNumber("heartbeatAt").longValue(),
                json.getBoolean("cancelRequested"), json.getJsonObject("inputRequests"),
                json.getJsonObject("responses"), text(json, "result"),
                json.get("error") instanceof JsonObject error ? error : null);
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
