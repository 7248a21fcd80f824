package org.statelessmcp.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.statelessmcp.operations.AccessLog;
import org.statelessmcp.operations.Metrics;

/**
 * Follows each exchange on {@code /mcp}: counted while it is in flight (and while it streams), measured, and given one
 * access-log line when it ends, however it ends.
 */
final class ExchangeTracker {

    private final Metrics metrics;
    private final AccessLog accessLog;

    ExchangeTracker(Metrics metrics, AccessLog accessLog) {
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    /** The exchange of {@code request}, now in flight; {@link Exchange#of} finds it from here on. */
    Exchange start(HttpServletRequest request, String id) {
        Exchange exchange = new Exchange(id, this::ended, metrics::streamStarted);
        request.setAttribute(Exchange.ATTRIBUTE, exchange);
        metrics.exchangeStarted();
        return exchange;
    }

    /** {@code response}, telling {@code exchange} the size of every body written at once. */
    static HttpServletResponse counting(HttpServletResponse response, Exchange exchange) {
        return new CountingResponse(response, exchange);
    }

    private void ended(Exchange exchange) {
        if (exchange.streamed()) {
            metrics.streamEnded();
        }
        metrics.exchangeEnded(exchange.requestBytes(), exchange.responseBytes());
        accessLog.exchange(exchange.id(), exchange.method(), exchange.tool(), exchange.status(),
                exchange.elapsedNanos(), exchange.requestBytes(), exchange.responseBytes());
    }

    /**
     * Learns the size of a response written at once, which always declares its length first; a streamed response
     * is counted by its writer.
     */
    private static final class CountingResponse extends HttpServletResponseWrapper {

        private final Exchange exchange;

        CountingResponse(HttpServletResponse response, Exchange exchange) {
            super(response);
            this.exchange = exchange;
        }

        @Override
        public void setContentLength(int length) {
            exchange.wrote(length);
            super.setContentLength(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            exchange.wrote(length);
            super.setContentLengthLong(length);
        }
    }
}
