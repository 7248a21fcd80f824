package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Caller;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.cluster.LocalStrings;
import org.statelessmcp.cluster.SharedStrings;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.protocol.JsonRpcError;

/**
 * Tasks on a cluster, with two instances ({@link Tasks} objects) sharing one store, as every instance shares the
 * distributed cache: whatever instance a client's request reaches answers for the task.
 */
class TasksTest {

    private static final JsonObject DECLARING = object(
            "{\"elicitation\":{},\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");

    private final MutableClock clock = new MutableClock();
    private final LocalStrings store = new LocalStrings(Duration.ofHours(1), clock);
    private final Tasks a = tasks();
    private final Tasks b = tasks();

    private Tasks tasks() {
        return new Tasks(new McpServer.TaskSettings(store, true, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(15), 1000, clock));
    }

    private static RequestContext caller(String name) {
        return new RequestContext("2026-07-28", DECLARING, null, named(name));
    }

    private static Caller named(String name) {
        return new Caller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean hasRole(String role) {
                return false;
            }
        };
    }

    private static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonObject id(String taskId) {
        return Json.createObjectBuilder().add("taskId", taskId).build();
    }

    private static Outcome outcome(PendingAnswer pending) {
        return pending.outcome().join();
    }

    private static JsonObject result(PendingAnswer pending) {
        Outcome outcome = outcome(pending);
        assertTrue(outcome instanceof Outcome.Success, outcome.toString());
        return object(((Outcome.Success) outcome).json());
    }

    private static JsonRpcError error(PendingAnswer pending) {
        Outcome outcome = outcome(pending);
        assertTrue(outcome instanceof Outcome.Failure, outcome.toString());
        return ((Outcome.Failure) outcome).error();
    }

    @Test
    void aTaskCreatedOnOneInstanceIsFoundAtOnceOnAnother() {
        TaskRun run = a.create("slow", caller("alice"));
        JsonObject found = result(b.get(id(run.id()), caller("alice")));
        assertEquals(run.id(), found.getString("taskId"));
        assertEquals("working", found.getString("status"));
    }

    @Test
    void anotherCallersTaskIsAsUnknownAsAMadeUpId() {
        TaskRun run = a.create("slow", caller("alice"));
        JsonRpcError stranger = error(b.get(id(run.id()), caller("mallory")));
        JsonRpcError madeUp = error(b.get(id("no-such-task"), caller("alice")));
        assertEquals(madeUp, stranger);
        assertEquals(JsonRpcError.INVALID_PARAMS, stranger.code());
        assertEquals(JsonRpcError.INVALID_PARAMS, error(b.cancel(id(run.id()), caller("mallory"))).code());
    }

    @Test
    void theTaskMethodsNeedTheExtensionDeclaredInTheRequest() {
        TaskRun run = a.create("slow", caller("alice"));
        RequestContext undeclared = new RequestContext("2026-07-28", Json.createObjectBuilder().build(), null,
                named("alice"));
        JsonRpcError refused = error(b.get(id(run.id()), undeclared));
        assertEquals(JsonRpcError.MISSING_CLIENT_CAPABILITY, refused.code());
        assertEquals("{\"requiredCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}",
                refused.data().toString());
    }

    @Test
    void aCancelOnAnotherInstanceStopsTheRunWithTheNextSweep() {
        TaskRun run = a.create("slow", caller("alice"));
        CallControl call = new CallControl("slow", 60);
        a.follow(run, call);
        assertEquals("{}", ((Outcome.Success) outcome(b.cancel(id(run.id()), caller("alice")))).json());
        assertTrue(call.isRunning(), "another instance cannot reach the run directly");
        a.sweep();
        assertFalse(call.isRunning());
        assertEquals("cancelled", result(b.get(id(run.id()), caller("alice"))).getString("status"));
    }

    @Test
    void aTaskCreatedWhileASweepReadsTheStoreKeepsRunning() {
        ReadHook hooked = new ReadHook(store);
        Tasks instance = new Tasks(new McpServer.TaskSettings(hooked, true, Duration.ofHours(1),
                Duration.ofSeconds(1), Duration.ofSeconds(15), 1000, clock));
        instance.follow(instance.create("slow", caller("alice")), new CallControl("slow", 60));
        CallControl created = new CallControl("slow", 60);
        hooked.onNextRead(() -> instance.follow(instance.create("slow", caller("bob")), created));
        instance.sweep(); // another request creates its task while the sweep waits on the cache
        assertTrue(created.isRunning(), "a task the sweep did not look for is not gone");
    }

    @Test
    void aQuestionIsShownEverywhereAndItsAnswerGivenAnywhereReachesTheTool() {
        TaskRun run = a.create("confirm", caller("alice"));
        a.follow(run, new CallControl("confirm", 60));
        CompletableFuture<JsonObject> answer = run.send(InputRequest.elicit("ok", "Sure?", object(
                "{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}}}")));
        JsonObject asking = result(b.get(id(run.id()), caller("alice")));
        assertEquals("input_required", asking.getString("status"));
        assertEquals("elicitation/create", asking.getJsonObject("inputRequests").getJsonObject("ok")
                .getString("method"));

        JsonObject given = object("{\"action\":\"accept\",\"content\":{\"ok\":true}}");
        result(b.update(Json.createObjectBuilder().add("taskId", run.id()).add("inputResponses",
                Json.createObjectBuilder().add("ok", given).add("never-asked", given)).build(), caller("alice")));
        assertEquals("working", result(b.get(id(run.id()), caller("alice"))).getString("status"));
        assertFalse(answer.isDone(), "the answer waits in the task for the instance running it");
        a.sweep();
        assertEquals(given, answer.join());
        assertTrue(TaskRecord.parse(store.getAll(java.util.Set.of(run.id())).get(run.id())).responses().isEmpty(),
                "the answer taken is no longer kept");
    }

    @Test
    void aPartialAnswerLeavesTheTaskWaitingForTheRest() {
        TaskRun run = a.create("two", caller("alice"));
        a.follow(run, new CallControl("two", 60));
        JsonObject schema = object("{\"type\":\"object\"}");
        run.send(InputRequest.elicit("first", "1?", schema));
        run.send(InputRequest.elicit("second", "2?", schema));
        result(b.update(object("{\"taskId\":\"" + run.id() + "\",\"inputResponses\":{\"first\":{\"action\":"
                + "\"decline\"}}}"), caller("alice")));
        JsonObject task = result(b.get(id(run.id()), caller("alice")));
        assertEquals("input_required", task.getString("status"));
        assertEquals(java.util.Set.of("second"), task.getJsonObject("inputRequests").keySet());
    }

    @Test
    void aTaskWhoseInstanceShowsNoLifeFailsOnTheNextGet() {
        TaskRun run = a.create("slow", caller("alice"));
        a.follow(run, new CallControl("slow", 600));
        clock.advance(Duration.ofSeconds(10));
        a.sweep(); // alive: a heartbeat
        clock.advance(Duration.ofSeconds(10));
        assertEquals("working", result(b.get(id(run.id()), caller("alice"))).getString("status"));
        clock.advance(Duration.ofSeconds(16)); // instance a stopped sweeping: it is gone
        JsonObject failed = result(b.get(id(run.id()), caller("alice")));
        assertEquals("failed", failed.getString("status"));
        assertEquals(-32603, failed.getJsonObject("error").getInt("code"));
        assertTrue(failed.getString("statusMessage").contains("stopped"), failed.toString());
    }

    @Test
    void anExpiredTaskIsGone() {
        TaskRun run = a.create("slow", caller("alice"));
        clock.advance(Duration.ofHours(1));
        JsonRpcError gone = error(b.get(id(run.id()), caller("alice")));
        assertEquals(JsonRpcError.INVALID_PARAMS, gone.code());
        assertEquals("Failed to retrieve task: Task not found", gone.message());
    }

    @Test
    void aStoppingInstanceFailsItsRunningTasksAtOnce() {
        TaskRun run = a.create("slow", caller("alice"));
        CallControl call = new CallControl("slow", 600);
        a.follow(run, call);
        a.stop();
        assertFalse(call.isRunning());
        JsonObject failed = result(b.get(id(run.id()), caller("alice")));
        assertEquals("failed", failed.getString("status"));
        assertEquals("The instance running this task stopped", failed.getString("statusMessage"));
    }

    /** The store, running something once while a read waits on it, as another request thread may. */
    private static final class ReadHook implements SharedStrings {

        private final SharedStrings store;
        private Runnable meanwhile = () -> {
        };

        ReadHook(SharedStrings store) {
            this.store = store;
        }

        void onNextRead(Runnable action) {
            meanwhile = action;
        }

        @Override
        public Map<String, String> getAll(Set<String> keys) {
            Map<String, String> found = store.getAll(keys);
            Runnable action = meanwhile;
            meanwhile = () -> {
            };
            action.run();
            return found;
        }

        @Override
        public void put(String key, String value) {
            store.put(key, value);
        }

        @Override
        public boolean replace(String key, String expected, String next) {
            return store.replace(key, expected, next);
        }

        @Override
        public void remove(String key) {
            store.remove(key);
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
