package org.statelessmcp.api;

import java.util.Optional;

/**
 * Reports a call's progress to its client while the tool runs: any tool may declare it as a parameter, streaming or
 * not; the server supplies it.
 *
 * <pre>{@code
 * @Tool(description = "Indexes a folder")
 * public String index(String folder, Progress progress) {
 *     List<Path> files = list(folder);
 *     ProgressTracker tracker = progress.trackerBuilder().setTotal(files.size())
 *             .setMessageBuilder(done -> "indexed " + done + " files").build();
 *     for (Path file : files) {
 *         index(file);
 *         tracker.advanceAndForget();
 *     }
 *     return "indexed " + files.size() + " files";
 * }
 * }</pre>
 *
 * <p><b>How it travels.</b> Over MCP each report is a {@code notifications/progress} on the request's event stream,
 * sent only when the request carries a {@code progressToken} ({@code _meta.progressToken}). In the plain JSON-RPC
 * dialect, when the request accepts {@code application/x-ndjson}, each report is an NDJSON line before the final
 * JSON-RPC line, {@code {"type":"progress","current":…,"total":…,"percentage":…,"message":…}}, as the Python
 * stateless-mcp's streaming tools report it. A client that asked for neither gets no report; sending then does
 * nothing, so a tool never needs to check {@link #token()} first.
 *
 * <p>The same interface, builders and method names as Quarkus MCP Server's, without Mutiny: {@code sendAndForget()}
 * and {@code advanceAndForget()} are the calls to use.
 */
public interface Progress {

    /** The client's progress token, or empty when nobody hears of this call's progress. */
    Optional<ProgressToken> token();

    /** Builds one progress report. */
    ProgressNotification.Builder notificationBuilder();

    /** Builds a tracker that counts progress in steps and reports each step. */
    ProgressTracker.Builder trackerBuilder();
}
