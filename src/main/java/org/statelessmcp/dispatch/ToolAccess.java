package org.statelessmcp.dispatch;

import org.statelessmcp.api.Caller;
import org.statelessmcp.registry.ToolDescriptor;

/** Decides which callers may see and call which tools. */
public interface ToolAccess {

    /** Every caller may use every tool. */
    ToolAccess OPEN = new ToolAccess() {
        @Override
        public boolean permits(ToolDescriptor tool, Caller caller) {
            return true;
        }

        @Override
        public boolean restrictsAny() {
            return false;
        }
    };

    /** Whether {@code caller} may list and call {@code tool}. */
    boolean permits(ToolDescriptor tool, Caller caller);

    /** Whether any tool is closed to some caller: if none is, every caller sees the same lists. */
    boolean restrictsAny();
}
