package com.example.quarkus;

import jakarta.inject.Inject;
import org.statelessmcp.api.Cancellation;
import org.statelessmcp.api.Cancellation.OperationCancellationException;
import org.statelessmcp.api.McpLog;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.api.Progress;
import org.statelessmcp.api.ProgressTracker;
import org.statelessmcp.api.TextContent;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;
import org.statelessmcp.api.ToolResponse;

/**
 * Tools written as the Quarkus MCP Server guides write them (implementing tools; error handling; logging, progress
 * and cancellation), with only the imports changed from {@code io.quarkiverse.mcp.server} to
 * {@code org.statelessmcp.api}: package-private methods, no scope annotation (the jar's {@code beans.xml} discovers
 * every class, as Quarkus does for a class with {@code @Tool} methods), {@code String.format} patterns in log calls.
 */
public class MyTools {

    @Inject
    FooService fooService;

    @Tool(description = "Put your description here.")
    ToolResponse foo(@ToolArg(description = "The name", defaultValue = "Andy") String name) {
        return ToolResponse.success(
                new TextContent(fooService.ping(name)));
    }

    @Tool(description = "Converts the string value to lower case")
    ToolResponse toLowerCase(@ToolArg(description = "The value") String value) {
        return ToolResponse.success(value.toLowerCase());
    }

    @Tool(description = "Calculate the price with discount")
    String calculatePrice(int price, int discount) {
        if (discount < 0 || discount > 100) {
            throw new ToolCallException("Discount must be between 0 and 100");
        }
        int finalPrice = price - (price * discount / 100);
        return "Final price: $" + finalPrice;
    }

    @Tool(description = "Parses an order id")
    String parseOrderId(String value) {
        try {
            return "Order #" + Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ToolCallException("Order ID must be a number", e);
        }
    }

    @Tool(description = "Process data with logging")
    String processData(String input, McpLog log) {
        log.info("Starting data processing for input: %s", input);
        // Do some work
        String result = input.toUpperCase();
        log.debug("Processing complete. Result length: %d", result.length());
        if (log.level().compareTo(LogLevel.DEBUG) <= 0) {
            log.send(LogLevel.WARNING, "This is a warning");
        }
        return result;
    }

    @Tool(description = "Process with automatic progress tracking")
    String processWithTracking(Progress progress) {
        if (progress.token().isEmpty()) {
            return "Progress tracking not available";
        }
        ProgressTracker tracker = progress.trackerBuilder()
                .setTotal(100)
                .setDefaultStep(10)
                .setMessageBuilder(current -> "Processed " + current + " items")
                .build();
        // Process items and advance progress
        for (int i = 0; i < 10; i++) {
            processItems(10);
            tracker.advanceAndForget();
        }
        return "Processing complete. Total: " + tracker.progress();
    }

    @Tool(description = "Process without a known total")
    String processWithoutTotal(Progress progress) {
        int itemsProcessed = 0;
        while (itemsProcessed < 3) {
            processItems(1);
            itemsProcessed++;
            progress.notificationBuilder()
                    .setProgress(itemsProcessed)
                    // No total set
                    .setMessage("Processed " + itemsProcessed + " items")
                    .build()
                    .sendAndForget();
        }
        return "Processed " + itemsProcessed + " items";
    }

    @Tool(description = "Operation with cancellation exception")
    String operationWithException(Cancellation cancellation) {
        try {
            for (int i = 0; i < 100; i++) {
                cancellation.skipProcessingIfCancelled();
                processItems(i);
            }
            return "Complete";
        } catch (OperationCancellationException e) {
            // Clean up if needed
            return "Cancelled";
        }
    }

    private static void processItems(int count) {
        // the guide's placeholder for real work
    }
}
