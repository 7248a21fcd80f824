package org.statelessmcp.dispatch;

import java.util.concurrent.CancellationException;

/** Where a streaming call's chunks go: the transport's response, in emission order. */
public interface ChunkSink {

    /** A sink that drops every chunk, for calls whose caller asked for no response (notifications, batches). */
    ChunkSink DISCARD = json -> {};

    /**
     * Queues one serialized chunk; may block while the transport's buffer is full.
     *
     * @throws CancellationException when the response can take no more chunks (the call ended or the client left)
     */
    void send(String json);
}
