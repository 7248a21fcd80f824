package org.statelessmcp.dispatch;

import java.util.Optional;
import org.statelessmcp.api.Cancellation;

/** The {@link Cancellation} of one call, read from its {@link CallControl}. */
final class CallCancellation implements Cancellation {

    private final CallControl control;

    CallCancellation(CallControl control) {
        this.control = control;
    }

    @Override
    public boolean isCancelled() {
        return control.isCancelled();
    }

    @Override
    public Result check() {
        return control.isCancelled() ? new Result(true, Optional.ofNullable(control.cancelReason()))
                : new Result(false, Optional.empty());
    }

    @Override
    public void onCancel(Runnable action) {
        control.onCancel(action);
    }
}
