package org.statelessmcp.dispatch;

import java.util.concurrent.CancellationException;
import org.statelessmcp.api.Emitter;

/** The {@link Emitter} of one streaming call: serializes each chunk and hands it to the transport in order. */
final class StreamEmitter implements Emitter {

    private final CallControl control;
    private final ChunkSink sink;
    private final JsonCodec codec;
    private final ToolObserver observer;

    StreamEmitter(CallControl control, ChunkSink sink, JsonCodec codec, ToolObserver observer) {
        this.control = control;
        this.sink = sink;
        this.codec = codec;
        this.observer = observer;
    }

    @Override
    public void emit(Object chunk) {
        if (!control.isRunning()) {
            throw new CancellationException("the call to '" + control.tool() + "' has ended");
        }
        sink.send(codec.toJson(chunk));
        observer.chunkEmitted(control.tool());
    }

    @Override
    public boolean isCancelled() {
        return control.isCancelled();
    }
}
