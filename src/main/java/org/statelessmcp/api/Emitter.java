package org.statelessmcp.api;

/**
 * Sends chunks of a streaming tool's output to the caller while the tool runs.
 *
 * <p>Declare it as a parameter of a {@code @Tool(streaming = true)} method; the server supplies it. Each chunk is
 * serialized with JSON-B and written as one line of {@code application/x-ndjson}, flushed at once. The method's
 * return value (or the value its {@code CompletionStage} completes with) is the final JSON-RPC response line.
 *
 * <pre>{@code
 * @Tool(streaming = true, timeout = 60)
 * public Summary importRows(String file, Emitter emitter) {
 *     int n = 0;
 *     for (Row row : reader.rows(file)) {
 *         store(row);
 *         emitter.emit(Map.of("type", "progress", "rows", ++n));
 *     }
 *     return new Summary(n);
 * }
 * }</pre>
 *
 * <p><b>Back-pressure.</b> Chunks wait in a bounded buffer ({@code smcp.stream.buffer-size}) until the client reads
 * them; when it is full, {@link #emit} blocks until there is room, the call times out or the client goes away.
 *
 * <p><b>Cancellation.</b> Once the client disconnects or the call times out, {@link #emit} throws
 * {@link java.util.concurrent.CancellationException}, {@link #isCancelled()} answers {@code true}, a blocking tool
 * is interrupted, and a returned {@code CompletionStage} is cancelled.
 *
 * <p>Implementations are thread-safe: a tool may emit from any thread until its call ends.
 */
public interface Emitter {

    /**
     * Sends one chunk.
     *
     * @param chunk a record, map, collection, string, number or {@code jakarta.json.JsonValue}
     * @throws java.util.concurrent.CancellationException when the call was cancelled or has already ended
     */
    void emit(Object chunk);

    /** Whether the call was cancelled: the client went away or the timeout passed. */
    boolean isCancelled();
}
