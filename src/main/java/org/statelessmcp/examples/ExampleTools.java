package org.statelessmcp.examples;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;

/**
 * The Python stateless-mcp's example tools, with the same names and arguments so that scripts written for it keep
 * working. Switched off with {@code smcp.examples.enabled=false}. The waiting tools wait on the container's
 * scheduler and hold no thread while they do.
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

    /** The form {@code greet} asks the user to fill in. */
    public record Name(@ToolArg(description = "Your name") String name) {
    }

    @Tool(description = "Greets the user, asking their name through the client (MCP elicitation) when the client "
            + "can show a form.",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public String greet(ClientInput input) {
        if (!input.supports("elicitation")) {
            return "Hello, stranger!";
        }
        return input.elicit("user_name", "What is your name?", Name.class)
                .filter(answer -> answer.name() != null && !answer.name().isBlank())
                .map(answer -> "Hello, " + answer.name() + "!")
                .orElse("Hello, stranger!");
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
        // the same loop as a blocking tool's, each step run by the scheduler: no thread is held between chunks
        return Ticker.repeat(scheduler, count, delay, new Generated("result", count), current -> {
            if (failAfter.isPresent() && current - 1 == failAfter.get()) {
                throw new ToolCallException("generate_numbers failed after " + failAfter.get()
                        + " chunks, as requested");
            }
            emitter.emit(new Progress("progress", current, count, Math.round(current * 1000.0 / count) / 10.0));
        });
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
