package org.statelessmcp.operations;

/**
 * What the access log says about one exchange on {@code /mcp}, taken when it ends; turned into text later, on the
 * access log's own thread when it has one.
 *
 * @param timeMillis when the exchange ended, in milliseconds since the epoch
 * @param thread the name of the thread that ended it
 * @param requestId the request's id ({@code X-Request-ID})
 * @param method the JSON-RPC method, {@code batch}, or {@code -}, already printable
 * @param tool the tool called, or {@code -}, already printable
 * @param status the HTTP status
 * @param durationMs the duration in milliseconds, rounded to two decimals
 * @param bytesIn the request body's size
 * @param bytesOut the response body's size
 */
record AccessLine(long timeMillis, String thread, String requestId, String method, String tool, int status,
                  double durationMs, long bytesIn, long bytesOut) {

    /** {@code POST /mcp tools/call add 200 1.25 ms in=57 out=120}. */
    String message() {
        return appendMessage(new StringBuilder(96)).toString();
    }

    StringBuilder appendMessage(StringBuilder out) {
        return out.append("POST /mcp ").append(method).append(' ').append(tool).append(' ').append(status).append(' ')
                .append(durationMs).append(" ms in=").append(bytesIn).append(" out=").append(bytesOut);
    }
}
