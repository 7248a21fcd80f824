package org.statelessmcp.mcp;

import jakarta.json.JsonValue;
import java.util.concurrent.CompletableFuture;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.TaskSupport;
import org.statelessmcp.dispatch.CallContext;
import org.statelessmcp.dispatch.CallControl;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientChannel;
import org.statelessmcp.dispatch.ClientRequests;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.dispatch.PendingAnswer;
import org.statelessmcp.dispatch.ToolExecutor;
import org.statelessmcp.dispatch.ToolResultJson;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.registry.ToolHandle;

/**
 * A 2026-07-28 {@code tools/call} of a task-supporting tool whose request declares the tasks extension. The task
 * is created before the tool starts, and the call answers its {@code CreateTaskResult} at once; a tool with a
 * {@code TaskHandoff} runs as a direct call (its questions in the request's own rounds) until it hands off. A task
 * has no event stream: its progress and log messages reach nobody.
 */
final class TaskCalls {

    private final Tasks tasks;
    private final ToolExecutor executor;
    private final RequestStates states;

    TaskCalls(Tasks tasks, ToolExecutor executor, RequestStates states) {
        this.tasks = tasks;
        this.executor = executor;
        this.states = states;
    }

    /** Whether the call goes to a task (or is refused for the lack of one) rather than being answered directly. */
    static boolean applies(ToolHandle tool, RequestContext context) {
        return context.stateless() && tool.descriptor().tasks()
                && (Tasks.declared(context) || tool.descriptor().taskSupport() == TaskSupport.REQUIRED);
    }

    /** Whether the call will answer with a task at once, so that nothing precedes its result. */
    static boolean answersWithTask(ToolHandle tool, RequestContext context) {
        return applies(tool, context) && !tool.descriptor().handsOff();
    }

    /** @param round the request's multi round-trip state, for a tool that hands off */
    PendingAnswer call(JsonValue id, ToolHandle tool, JsonValue arguments, RequestContext context,
                       InputRound round) {
        if (!Tasks.declared(context)) {
            return PendingAnswer.error(JsonRpcError.missingClientExtension(Tasks.EXTENSION));
        }
        if (tool.descriptor().handsOff()) {
            return new Handoff(id, tool, context, round).start(arguments);
        }
        TaskRun run = tasks.create(tool.descriptor().name(), context);
        CallControl control = executor.start(tool, arguments, new CallContext(id, context.caller(),
                ChunkSink.DISCARD, ClientChannel.NONE, run, CallContext.NO_HANDOFF, true));
        tasks.follow(run, control);
        // the task is the client's now: its leaving does not end the work
        return new PendingAnswer(CompletableFuture.completedFuture(new Outcome.Success(run.createResult())),
                () -> {});
    }

    /** A call that becomes a task when its tool hands off, and is answered directly if it never does. */
    private final class Handoff implements ClientRequests {

        private final JsonValue id;
        private final ToolHandle tool;
        private final RequestContext context;
        private final InputRound round;
        private final CompletableFuture<Outcome> answer = new CompletableFuture<>();
        private final CompletableFuture<CallControl> control = new CompletableFuture<>();
        private final Object lock = new Object();
        /** Where the tool's questions go: the request's rounds, then the task's. */
        private volatile ClientRequests requests;
        private TaskRun task;
        private boolean ended;

        Handoff(JsonValue id, ToolHandle tool, RequestContext context, InputRound round) {
            this.id = id;
            this.tool = tool;
            this.context = context;
            this.round = round;
            this.requests = round;
        }

        PendingAnswer start(JsonValue arguments) {
            CallControl call = executor.start(tool, arguments, new CallContext(id, context.caller(),
                    ChunkSink.DISCARD, ClientChannel.NONE, this, this::handOff, false));
            control.complete(call);
            call.outcome().thenAccept(outcome -> {
                synchronized (lock) {
                    if (task != null) {
                        return; // the task reports it
                    }
                    ended = true;
                }
                answer.complete(round.conclude(ToolResultJson.callToolResult(outcome, true), states));
            });
            return new PendingAnswer(answer, () -> {
                synchronized (lock) {
                    if (task != null) {
                        return;
                    }
                }
                call.abandon();
            });
        }

        private boolean handOff() {
            TaskRun run;
            synchronized (lock) {
                if (task != null) {
                    return true;
                }
                if (ended) {
                    return false;
                }
                run = tasks.create(tool.descriptor().name(), context);
                task = run;
                requests = run;
            }
            control.thenAccept(call -> tasks.follow(run, call));
            answer.complete(new Outcome.Success(run.createResult()));
            return true;
        }

        @Override
        public boolean supports(String capability) {
            return requests.supports(capability);
        }

        @Override
        public CompletableFuture<jakarta.json.JsonObject> send(InputRequest request) {
            return requests.send(request);
        }
    }
}
