package org.statelessmcp.dispatch;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import org.statelessmcp.api.Progress;
import org.statelessmcp.api.ProgressNotification;
import org.statelessmcp.api.ProgressToken;
import org.statelessmcp.api.ProgressTracker;

/** The {@link Progress} of one call: reports go to its client while the call runs and the client listens. */
final class ProgressReports implements Progress {

    private final CallControl control;
    private final ClientChannel channel;
    private final ProgressToken token;

    ProgressReports(CallControl control, ClientChannel channel) {
        this.control = control;
        this.channel = channel;
        JsonValue wire = channel.progressToken();
        this.token = wire instanceof JsonString text ? new ProgressToken(text.getString())
                : wire instanceof JsonNumber number ? new ProgressToken(number.bigDecimalValue()) : null;
    }

    @Override
    public Optional<ProgressToken> token() {
        return Optional.ofNullable(token);
    }

    @Override
    public ProgressNotification.Builder notificationBuilder() {
        return new NotificationBuilder();
    }

    @Override
    public ProgressTracker.Builder trackerBuilder() {
        return new TrackerBuilder();
    }

    private void send(BigDecimal progress, BigDecimal total, String message) {
        if (token != null && control.isRunning()) {
            channel.progress(progress, total, message);
        }
    }

    private record Notification(ProgressToken token, BigDecimal progress, BigDecimal total, String message,
                                ProgressReports reports) implements ProgressNotification {

        @Override
        public void sendAndForget() {
            reports.send(progress, total, message);
        }
    }

    private final class NotificationBuilder implements ProgressNotification.Builder {
        private BigDecimal progress;
        private BigDecimal total;
        private String message;

        @Override
        public ProgressNotification.Builder setProgress(long value) {
            progress = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressNotification.Builder setProgress(double value) {
            progress = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressNotification.Builder setTotal(long value) {
            total = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressNotification.Builder setTotal(double value) {
            total = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressNotification.Builder setMessage(String value) {
            message = value;
            return this;
        }

        @Override
        public ProgressNotification build() {
            if (progress == null) {
                throw new IllegalStateException("a progress notification needs its progress");
            }
            return new Notification(token, progress, total, message, ProgressReports.this);
        }
    }

    private final class TrackerBuilder implements ProgressTracker.Builder {
        private BigDecimal total;
        private BigDecimal step = BigDecimal.ONE;
        private Function<BigDecimal, String> messages = progress -> null;

        @Override
        public ProgressTracker.Builder setTotal(long value) {
            total = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressTracker.Builder setTotal(double value) {
            total = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressTracker.Builder setDefaultStep(long value) {
            step = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressTracker.Builder setDefaultStep(double value) {
            step = BigDecimal.valueOf(value);
            return this;
        }

        @Override
        public ProgressTracker.Builder setMessageBuilder(Function<BigDecimal, String> value) {
            messages = value;
            return this;
        }

        @Override
        public ProgressTracker build() {
            return new Tracker(total, step, messages);
        }
    }

    private final class Tracker implements ProgressTracker {
        private final BigDecimal total;
        private final BigDecimal step;
        private final Function<BigDecimal, String> messages;
        private BigDecimal progress = BigDecimal.ZERO;

        Tracker(BigDecimal total, BigDecimal step, Function<BigDecimal, String> messages) {
            this.total = total;
            this.step = step;
            this.messages = messages;
        }

        @Override
        public ProgressToken token() {
            return token;
        }

        @Override
        public void advanceAndForget(BigDecimal value) {
            BigDecimal reached;
            // reports leave in the order progress was counted, so the client sees it only increase
            synchronized (this) {
                reached = progress.add(value);
                if (total != null && reached.compareTo(total) > 0) {
                    throw new IllegalStateException("progress " + reached + " would pass the total " + total);
                }
                progress = reached;
                send(reached, total, messages.apply(reached));
            }
        }

        @Override
        public synchronized BigDecimal progress() {
            return progress;
        }

        @Override
        public BigDecimal total() {
            return total;
        }

        @Override
        public BigDecimal step() {
            return step;
        }
    }
}
