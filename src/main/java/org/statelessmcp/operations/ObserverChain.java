package org.statelessmcp.operations;

import org.statelessmcp.dispatch.CallStatus;
import org.statelessmcp.dispatch.ToolObserver;

/** Tells the tool log and the metrics what happens to tool calls. */
public final class ObserverChain implements ToolObserver {

    private final ToolObserver log;
    private final ToolObserver metrics;

    public ObserverChain(ToolObserver log, ToolObserver metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void callEnded(String tool, CallStatus status, long nanos) {
        log.callEnded(tool, status, nanos);
        metrics.callEnded(tool, status, nanos);
    }

    @Override
    public void chunkEmitted(String tool) {
        metrics.chunkEmitted(tool);
    }

    @Override
    public void toolCrashed(String tool, String source, Throwable failure) {
        log.toolCrashed(tool, source, failure);
    }

    @Override
    public void toolFailed(String tool, String source, Throwable failure) {
        log.toolFailed(tool, source, failure);
    }

    @Override
    public void resultUnserializable(String tool, Throwable failure) {
        log.resultUnserializable(tool, failure);
    }
}
