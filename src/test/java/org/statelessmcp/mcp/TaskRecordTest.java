package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** A task's value in the cache, and the shapes of the tasks extension built from it. */
class TaskRecordTest {

    private static final long T0 = 1_796_558_400_000L; // 2026-12-06T12:00:00Z

    private static final TaskRecord STARTED = TaskRecord.started("t1", "alice", "slow", "instance-a", T0, 60_000,
            1_000);

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void theCreateTaskResultIsFlatWithTheExtensionsFieldNames() {
        assertEquals("{\"resultType\":\"task\",\"taskId\":\"t1\",\"status\":\"working\","
                + "\"createdAt\":\"2026-12-06T12:00:00Z\",\"lastUpdatedAt\":\"2026-12-06T12:00:00Z\","
                + "\"ttlMs\":60000,\"pollIntervalMs\":1000}", STARTED.createResult());
    }

    @Test
    void aWaitingTaskShowsItsQuestionsAndNothingOfTheRunnersBookkeeping() {
        JsonObject question = object("{\"method\":\"elicitation/create\",\"params\":{\"message\":\"Sure?\"}}");
        JsonObject detailed = object(STARTED.asking("ok", question, T0 + 5).detailed());
        assertEquals("input_required", detailed.getString("status"));
        assertEquals(question, detailed.getJsonObject("inputRequests").getJsonObject("ok"));
        for (String internal : new String[] {"owner", "runner", "heartbeatAt", "responses", "cancelRequested",
                "requestState", "ttl", "pollInterval", "result", "error"}) {
            assertFalse(detailed.containsKey(internal), internal + " in " + detailed);
        }
    }

    @Test
    void aCompletedTaskInlinesItsResultAndAFailedOneItsError() {
        JsonObject completed = object(STARTED.ended(TaskRecord.Status.COMPLETED, null,
                "{\"content\":[{\"type\":\"text\",\"text\":\"42\"}]}", null, T0 + 9).detailed());
        assertEquals("42", completed.getJsonObject("result").getJsonArray("content").getJsonObject(0)
                .getString("text"));
        assertEquals("2026-12-06T12:00:00.009Z", completed.getString("lastUpdatedAt"));
        JsonObject failed = object(STARTED.ended(TaskRecord.Status.FAILED, "broke", null,
                object("{\"code\":-32603,\"message\":\"broke\"}"), T0).detailed());
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"));
        assertEquals("broke", failed.getString("statusMessage"));
        assertFalse(failed.containsKey("result"));
    }

    @Test
    void answersToQuestionsNotAskedAreIgnored() {
        assertSame(STARTED, STARTED.answering(object("{\"nobody-asked\":{}}"), T0));
    }

    @Test
    void aTaskSurvivesTheCacheUnchanged() {
        TaskRecord task = STARTED.asking("ok", object("{\"method\":\"roots/list\",\"params\":{}}"), T0 + 1)
                .answering(object("{\"ok\":{\"roots\":[]}}"), T0 + 2).cancelling().beating(T0 + 3);
        assertEquals(task, TaskRecord.parse(task.toJson()));
        TaskRecord ended = task.ended(TaskRecord.Status.COMPLETED, "done", "{\"content\":[]}", null, T0 + 4);
        assertEquals(ended, TaskRecord.parse(ended.toJson()));
    }
}
