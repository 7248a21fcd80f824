package org.statelessmcp.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.Cancellation;
import org.statelessmcp.api.McpLog;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.api.Progress;
import org.statelessmcp.api.ProgressToken;
import org.statelessmcp.api.ProgressTracker;

/** What Progress, McpLog and Cancellation do with a call, seen through the channel to its client. */
class CallContextParametersTest {

    private final CallControl call = new CallControl("reindex", 30);
    private final JsonCodec codec = JsonCodec.create();

    @Test
    void aTrackerReportsEachAdvanceWithItsTotalAndMessage() {
        RecordingChannel channel = new RecordingChannel("p1", LogLevel.OFF);
        ProgressTracker tracker = new ProgressReports(call, channel).trackerBuilder().setTotal(3).setDefaultStep(1)
                .setMessageBuilder(done -> "row " + done).build();
        tracker.advanceAndForget();
        tracker.advanceAndForget(2);
        assertEquals(List.of("progress 1/3 row 1", "progress 3/3 row 3"), channel.sent);
        assertEquals(Optional.of(new ProgressToken("p1")), new ProgressReports(call, channel).token());
    }

    @Test
    void aTrackerRefusesToPassItsTotal() {
        ProgressTracker tracker = new ProgressReports(call, new RecordingChannel("p", LogLevel.OFF)).trackerBuilder()
                .setTotal(1).build();
        tracker.advanceAndForget();
        assertThrows(IllegalStateException.class, tracker::advanceAndForget);
    }

    @Test
    void withoutATokenNothingIsSentAndNothingFails() {
        RecordingChannel channel = new RecordingChannel(null, LogLevel.OFF);
        Progress progress = new ProgressReports(call, channel);
        progress.notificationBuilder().setProgress(1).setMessage("one").build().sendAndForget();
        assertEquals(Optional.empty(), progress.token());
        assertEquals(List.of(), channel.sent);
    }

    @Test
    void nothingIsSentOnceTheCallHasEnded() {
        RecordingChannel channel = new RecordingChannel("p", LogLevel.DEBUG);
        Progress progress = new ProgressReports(call, channel);
        McpLog log = new ClientLog("reindex", call, channel, codec);
        call.complete(new Outcome.Success("1"));
        progress.notificationBuilder().setProgress(1).build().sendAndForget();
        log.info("late");
        assertEquals(List.of(), channel.sent);
    }

    @Test
    void aNotificationNeedsItsProgress() {
        assertThrows(IllegalStateException.class,
                () -> new ProgressReports(call, new RecordingChannel("p", LogLevel.OFF)).notificationBuilder().build());
    }

    @Test
    void logMessagesBelowTheClientsLevelStayOnTheServer() {
        RecordingChannel channel = new RecordingChannel(null, LogLevel.INFO);
        McpLog log = new ClientLog("reindex", call, channel, codec);
        log.debug("detail %d", 1);
        log.info("reindexing %d rows", 3);
        log.send(LogLevel.WARNING, java.util.Map.of("rows", 3));
        assertEquals(List.of("log info reindex \"reindexing 3 rows\"", "log warning reindex {\"rows\":3}"),
                channel.sent);
        assertTrue(log.isEnabled(LogLevel.ERROR));
        assertFalse(log.isEnabled(LogLevel.DEBUG));
    }

    @Test
    void anErrorWithAThrowableSendsOnlyTheMessage() {
        RecordingChannel channel = new RecordingChannel(null, LogLevel.DEBUG);
        new ClientLog("reindex", call, channel, codec).error(new IllegalStateException("password=hunter2"),
                "failed after %d rows", 2);
        assertEquals(List.of("log error reindex \"failed after 2 rows\""), channel.sent);
    }

    @Test
    void aClientThatReceivesNoLogsGetsNone() {
        RecordingChannel channel = new RecordingChannel(null, LogLevel.OFF);
        McpLog log = new ClientLog("reindex", call, channel, codec);
        log.error("even errors");
        assertEquals(List.of(), channel.sent);
        assertThrows(IllegalArgumentException.class, () -> log.send(LogLevel.OFF, "no such level"));
    }

    @Test
    void cancellationRunsItsActionOnceWithTheReason() {
        Cancellation cancellation = new CallCancellation(call);
        AtomicInteger runs = new AtomicInteger();
        cancellation.onCancel(runs::incrementAndGet);
        assertFalse(cancellation.isCancelled());
        call.timeOut();
        call.abandon();
        assertEquals(1, runs.get());
        assertEquals(new Cancellation.Result(true, Optional.of("timeout")), cancellation.check());
        assertThrows(Cancellation.OperationCancellationException.class, cancellation::skipProcessingIfCancelled);
    }

    @Test
    void anActionAddedAfterCancellationRunsAtOnce() {
        call.abandon();
        AtomicInteger runs = new AtomicInteger();
        new CallCancellation(call).onCancel(runs::incrementAndGet);
        assertEquals(1, runs.get());
        assertEquals("the client cancelled the request or went away", call.cancelReason());
    }

    @Test
    void aCallThatEndsNormallyNeverRunsItsCancelActions() {
        AtomicInteger runs = new AtomicInteger();
        Cancellation cancellation = new CallCancellation(call);
        cancellation.onCancel(runs::incrementAndGet);
        call.complete(new Outcome.Success("1"));
        cancellation.onCancel(runs::incrementAndGet);
        assertEquals(0, runs.get());
        assertEquals(new Cancellation.Result(false, Optional.empty()), cancellation.check());
    }

    @Test
    void aFailingCancelActionDoesNotStopTheOthers() {
        AtomicInteger runs = new AtomicInteger();
        Cancellation cancellation = new CallCancellation(call);
        cancellation.onCancel(() -> {
            throw new IllegalStateException("clean-up failed");
        });
        cancellation.onCancel(runs::incrementAndGet);
        call.abandon();
        assertEquals(1, runs.get());
        assertTrue(call.outcome().isDone());
    }
}
