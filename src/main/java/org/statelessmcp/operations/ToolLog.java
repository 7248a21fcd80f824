package org.statelessmcp.operations;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.dispatch.ToolObserver;
import org.statelessmcp.registry.Unproxied;

/** Logs what the client is not told: the real reason a tool failed. */
@Unproxied
public class ToolLog implements ToolObserver {

    private static final Logger LOG = Logger.getLogger("org.statelessmcp.tools");

    @Override
    public void toolCrashed(String tool, String source, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Tool '" + tool + "' (" + source + ") failed");
    }

    @Override
    public void toolFailed(String tool, String source, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Tool '" + tool + "' (" + source + ") failed; the client was told only: "
                + failure.getMessage());
    }

    @Override
    public void resultUnserializable(String tool, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Tool '" + tool + "' returned a value with no JSON form");
    }
}
