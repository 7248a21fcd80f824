package com.example.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.statelessmcp.api.Caller;
import org.statelessmcp.api.Cancellation;
import org.statelessmcp.api.ClientInput;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.McpLog;
import org.statelessmcp.api.Progress;
import org.statelessmcp.api.ProgressTracker;
import org.statelessmcp.api.RequestId;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.api.ToolResponse;

/**
 * A tool author's own jar, written with the habits tool authors have: causes in exceptions, secrets in their
 * messages, a throwable put into error data, errors as results, progress and logs from tools that do not stream,
 * blocking work that must notice cancellation, and catch blocks around a question to the client. Every secret
 * ({@code hunter2}) and every marker ending in {@code -cause}, {@code -data}, ... must stay on the server.
 */
@ApplicationScoped
public class OrderTools {

    public static final String SECRET = "hunter2";

    @Inject
    CancellationLedger ledger;

    public record Confirmation(@ToolArg(description = "Proceed?") boolean proceed) {
    }

    @Tool(description = "Looks an order up; the database fails with a cause the client must never see")
    public String lookup(String order) {
        throw new ToolCallException("lookup of " + order + " failed", new IllegalStateException(
                "db password=" + SECRET + " at jdbc:postgresql://db.internal:5432/orders " + order + "-cause"));
    }

    @Tool(description = "Refuses an order with data that holds a throwable")
    public String quota(String order) {
        throw ToolCallException.withData("order " + order + " is over quota",
                Map.of("limit", 100, "cause", new SQLException(SECRET + " " + order + "-data")));
    }

    @Tool(description = "Fails with an exception the tool did not mean for the caller")
    public String crash(String order) {
        throw new IllegalStateException(SECRET + " " + order + "-crash");
    }

    @Tool(streaming = true, description = "Streams one row, then breaks")
    public String export(String order, Emitter emitter) {
        emitter.emit(Map.of("row", 1));
        throw new ToolCallException("export of " + order + " broke", new IOException(SECRET + " " + order + "-stream"));
    }

    @Tool(description = "Fails later, on another thread")
    public CompletionStage<String> later(String order) {
        return CompletableFuture.supplyAsync(() -> {
            throw new ToolCallException("later " + order + " failed",
                    new TimeoutException(SECRET + " " + order + "-async"));
        }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }

    @Tool(description = "Answers an error result of two parts with structured content")
    public ToolResponse verdict() {
        return new ToolResponse(List.of(new TextContent("first part"), new TextContent("second part")),
                Map.of("code", 42), true);
    }

    @Tool(description = "Reindexes rows, reporting progress and logging, without streaming")
    public String reindex(int rows, Progress progress, McpLog log) {
        log.info("reindexing %d rows", rows);
        ProgressTracker tracker = progress.trackerBuilder().setTotal(rows)
                .setMessageBuilder(done -> "row " + done.intValue()).build();
        for (int i = 0; i < rows; i++) {
            tracker.advanceAndForget();
        }
        log.debug("%d rows were clean", rows);
        log.error(new IllegalStateException(SECRET + " log-cause"), "reindex finished with %d warnings", 0);
        return "reindexed " + rows;
    }

    @Tool(timeout = 1, description = "Drains a queue until the call is cancelled (its timeout: 1 s)")
    public String drain(String order, Cancellation cancellation) {
        cancellation.onCancel(() -> ledger.callbackRan(order));
        while (!cancellation.isCancelled()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        ledger.sawCancellation(order, cancellation.check().reason().orElse("?"));
        return "drained";
    }

    @Tool(timeout = 30, description = "Holds until the client cancels the call")
    public String hold(String order, Cancellation cancellation) {
        cancellation.onCancel(() -> ledger.callbackRan(order));
        ledger.began(order);
        while (!cancellation.isCancelled()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        ledger.sawCancellation(order, cancellation.check().reason().orElse("?"));
        return "held";
    }

    @Tool(description = "What drain and hold saw of their cancellation")
    public Map<String, Object> cancellations(String order) {
        return ledger.report(order);
    }

    @Tool(description = "Asks for confirmation, catching Exception around the question")
    public String confirm(ClientInput input) {
        try {
            return input.elicit("confirmation", "Proceed?", Confirmation.class)
                    .map(answer -> answer.proceed() ? "confirmed" : "not confirmed").orElse("declined");
        } catch (Exception e) {
            return "could not ask: " + e.getMessage();
        }
    }

    @Tool(description = "Asks for confirmation, catching even Throwable around the question")
    @SuppressWarnings("PMD.AvoidCatchingThrowable")
    public String confirmCarelessly(ClientInput input) {
        try {
            return input.elicit("confirmation", "Proceed?", Confirmation.class).isPresent() ? "asked" : "declined";
        } catch (Throwable everything) {
            return "swallowed";
        }
    }

    @Tool(description = "Who called, under which request id")
    public String whoami(RequestId id, Caller caller) {
        return id.asString() + "/" + (caller.name().isEmpty() ? "anonymous" : caller.name());
    }
}
