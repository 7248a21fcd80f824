package org.statelessmcp.mcp;

/** Where the notifications that precede an MCP result go: the request's SSE stream. */
@FunctionalInterface
public interface NotificationSink {

    /** Drops notifications: the client accepts only JSON, or the call is part of a batch. */
    NotificationSink NONE = notification -> {};

    /** Sends one serialized JSON-RPC notification; may block while the client is slow. */
    void send(String notification);
}
