package org.statelessmcp.it.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.statelessmcp.api.Emitter;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;
import org.statelessmcp.api.ToolCallException;

/** Tools that let the integration tests see inside a call: blocking, cancellation, back-pressure, crashes. */
@ApplicationScoped
public class ProbeTools {

    private final ProbeState state;

    protected ProbeTools() {
        this.state = null;
    }

    @Inject
    public ProbeTools(ProbeState state) {
        this.state = state;
    }

    public enum Color { RED, GREEN }

    public record Line(String sku, int quantity, Optional<String> note) {
    }

    public record Order(String customer, List<Line> lines, Color color) {
    }

    public record Counts(int cancelled, int interrupted, int emitted, int finished) {
    }

    @Tool(name = "probe_state", description = "What the probes have seen so far.")
    public Counts probeState(String prefix) {
        return new Counts(state.get(prefix + ".cancelled"), state.get(prefix + ".interrupted"),
                state.get(prefix + ".emitted"), state.get(prefix + ".finished"));
    }

    @Tool(name = "block", description = "Sleeps on its thread; times out after 1 s.", timeout = 1)
    public String block(String probe, double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
            state.count(probe + ".finished");
            return "slept";
        } catch (InterruptedException e) {
            state.count(probe + ".interrupted");
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Tool(name = "stream_until_cancelled", streaming = true, description = "Emits every 50 ms until cancelled.")
    public String streamUntilCancelled(String probe, Emitter emitter) {
        int n = 0;
        try {
            while (true) {
                emitter.emit(Map.of("n", ++n));
                state.count(probe + ".emitted");
                Thread.sleep(50);
            }
        } catch (CancellationException e) {
            state.count(probe + ".cancelled");
        } catch (InterruptedException e) {
            state.count(probe + ".interrupted");
        }
        return "ended";
    }

    @Tool(name = "stream_with_short_timeout", streaming = true, timeout = 2,
            description = "Emits every 50 ms until cancelled; times out after 2 s.")
    public String streamWithShortTimeout(String probe, Emitter emitter) {
        return streamUntilCancelled(probe, emitter);
    }

    @Tool(name = "gated_stream", streaming = true, description = "Emits, waits for its gate to open, emits again.")
    public String gatedStream(String gate, Emitter emitter) throws InterruptedException {
        emitter.emit(Map.of("stage", "before"));
        if (!state.gate(gate).await(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new ToolCallException("the gate was never opened");
        }
        emitter.emit(Map.of("stage", "after"));
        return "opened";
    }

    @Tool(name = "open_gate", description = "Opens a gate that gated_stream waits for.")
    public boolean openGate(String gate) {
        state.gate(gate).countDown();
        return true;
    }

    @Tool(name = "flood", streaming = true, description = "Emits `chunks` chunks of `size` characters at full speed.")
    public int flood(String probe, int chunks, int size, Emitter emitter) {
        String payload = "x".repeat(size);
        try {
            for (int i = 0; i < chunks; i++) {
                emitter.emit(Map.of("i", i, "payload", payload));
                state.count(probe + ".emitted");
            }
        } catch (CancellationException e) {
            state.count(probe + ".cancelled");
            throw e;
        }
        state.count(probe + ".finished");
        return chunks;
    }

    @Tool(name = "crash", description = "Fails with an unexpected exception whose message holds a secret.")
    public String crash() {
        throw new IllegalStateException("password=hunter2 in com.acme.internal.Vault");
    }

    @Tool(name = "refuse", description = "Fails with a declared tool error carrying data.")
    public String refuse(String reason) {
        throw ToolCallException.withData("refused: " + reason, Map.of("reason", reason));
    }

    @Tool(name = "place_order", description = "Binds structured arguments and reports what it received.")
    public Map<String, Object> placeOrder(Order order, Set<String> tags, Map<String, Integer> counts,
                                          @ToolArg(required = false) Optional<BigDecimal> discount,
                                          @ToolArg(name = "sizes", defaultValue = "[1,2]") int[] sizes,
                                          @ToolArg(defaultValue = "false") boolean express) {
        return Map.of(
                "customer", order.customer(),
                "lines", order.lines().size(),
                "firstNote", order.lines().get(0).note().orElse("none"),
                "color", order.color().name(),
                "tags", tags.size(),
                "counts", counts.values().stream().mapToInt(Integer::intValue).sum(),
                "discount", discount.map(BigDecimal::toPlainString).orElse("none"),
                "sizes", sizes.length,
                "express", express);
    }

    @Tool(name = "patient", timeout = 600, description = "Declares a timeout above any sane maximum.")
    public String patient() {
        return "patient";
    }

    @Tool(name = "nothing", description = "Returns nothing.")
    public void nothing() {
    }
}
