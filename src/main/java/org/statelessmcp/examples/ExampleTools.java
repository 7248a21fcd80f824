package org.statelessmcp.examples;

import org.statelessmcp.protocol.JsonP;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.InputRequest;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;

/**
 * The seed's example tools, with the same names and arguments so that scripts written for it keep working.
 * Switched off with {@code smcp.examples.enabled=false}. The waiting tools wait on the container's scheduler and
 * hold no thread while they do.
 */
@ApplicationScoped
public class ExampleTools {

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** {@code {"result": a + b}}. */
    public record Sum(BigDecimal result) {
    }

    /** {@code {"message": ...}}. */
    public record Echo(String message) {
    }

    /** One chunk of {@code generate_numbers}. */
    @JsonbPropertyOrder({"type", "current", "total", "percentage"})
    public record Progress(String type, int current, int total, double percentage) {
    }

    /** The result of {@code generate_numbers}. */
    @JsonbPropertyOrder({"type", "generated"})
    public record Generated(String type, int generated) {
    }

    /** The result of {@code slow}. */
    public record Slept(double slept) {
    }

    @Tool(description = "Adds two numbers.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Sum add(@ToolArg(description = "First addend") BigDecimal a,
                   @ToolArg(description = "Second addend") BigDecimal b) {
        return new Sum(a.add(b));
    }

    @Tool(description = "Returns its message.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public Echo echo(@ToolArg(description = "Any text") String message) {
        return new Echo(message);
    }

    @Tool(description = "Greets the user, asking their name through the client (MCP elicitation) when the client "
            + "can show a form.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public String greet(ClientInput input) {
        if (!input.supports("elicitation")) {
            return "Hello, stranger!";
        }
        JsonObject answer = input.request(InputRequest.elicit("user_name", "What is your name?",
                JsonP.createObjectBuilder().add("type", "object")
                        .add("properties", JsonP.createObjectBuilder().add("name", JsonP.createObjectBuilder()
                                .add("type", "string").add("title", "Your name")))
                        .add("required", JsonP.createArrayBuilder().add("name")).build()));
        if (!"accept".equals(answer.getString("action", "accept"))
                || !(answer.get("content") instanceof JsonObject content) || content.getString("name", "").isBlank()) {
            return "Hello, stranger!";
        }
        return "Hello, " + content.getString("name") + "!";
    }

    @Tool(name = "generate_numbers", streaming = true, timeout = 60,
            description = "Streams one progress chunk every `delay` seconds, then reports how many it generated. "
                    + "With fail_after, fails after that many chunks.",
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public CompletionStage<Generated> generateNumbers(
            @ToolArg(description = "How many chunks (0-100000)", defaultValue = "10") int count,
            @ToolArg(description = "Seconds between chunks", defaultValue = "0.1") double delay,
            @ToolArg(name = "fail_after", description = "Fail after this many chunks", required = false)
            Optional<Integer> failAfter,
            Emitter emitter) {
        if (count < 0 || count > 100_000) {
            throw new ToolCallException("count must be between 0 and 100000");
        }
        if (!(delay >= 0 && delay <= 60)) {
            throw new ToolCallException("delay must be between 0 and 60 seconds");
        }
        CompletableFuture<Generated> done = new CompletableFuture<>();
        if (count == 0) {
            done.complete(new Generated("result", 0));
            return done;
        }
        // One scheduled task per call, not one per chunk: Payara captures the thread context of every task handed
        // to a managed executor, and that capture scans the class path (measured: a third of the server's CPU
        // with 2,000 streams when each chunk was scheduled on its own).
        Runnable tick = new Ticks(count, failAfter.orElse(-1), emitter, done);
        long periodNanos = (long) (delay * 1_000_000_000L);
        Future<?> ticks = periodNanos == 0
                ? scheduler.submit(() -> {
                    while (!done.isDone()) {
                        tick.run();
                    }
                })
                : scheduler.scheduleAtFixedRate(tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        done.whenComplete((result, failure) -> ticks.cancel(false));
        return done;
    }

    /** The chunks of one {@code generate_numbers} call, one a run, completing the call after the last. */
    private static final class Ticks implements Runnable {
        private final int count;
        private final int failAfter;
        private final Emitter emitter;
        private final CompletableFuture<Generated> done;
        private final AtomicInteger next = new AtomicInteger(1);

        Ticks(int count, int failAfter, Emitter emitter, CompletableFuture<Generated> done) {
            this.count = count;
            this.failAfter = failAfter;
            this.emitter = emitter;
            this.done = done;
        }

        @Override
        public void run() {
            if (done.isDone()) {
                return; // finished, cancelled or timed out; the schedule is being cancelled
            }
            int current = next.getAndIncrement();
            try {
                if (current - 1 == failAfter) {
                    throw new ToolCallException("generate_numbers failed after " + failAfter + " chunks, as requested");
                }
                double percentage = Math.round(current * 1000.0 / count) / 10.0;
                emitter.emit(new Progress("progress", current, count, percentage));
                if (current == count) {
                    done.complete(new Generated("result", count));
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    @Tool(description = "Always fails with a tool error carrying the message.")
    public Object fail(@ToolArg(description = "The error message", defaultValue = "Tool failed as requested")
                       String message) {
        throw new ToolCallException(message);
    }

    @Tool(description = "Waits the given number of seconds, then answers. Times out after 5 seconds.", timeout = 5,
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public CompletionStage<Slept> slow(@ToolArg(description = "Seconds to wait (0-3600)", defaultValue = "1")
                                       double seconds) {
        if (!(seconds >= 0 && seconds <= 3600)) {
            throw new ToolCallException("seconds must be between 0 and 3600");
        }
        CompletableFuture<Slept> done = new CompletableFuture<>();
        scheduler.schedule(() -> done.complete(new Slept(seconds)), (long) (seconds * 1000), TimeUnit.MILLISECONDS);
        return done;
    }
}
