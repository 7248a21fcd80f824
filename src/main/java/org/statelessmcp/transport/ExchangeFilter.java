package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.statelessmcp.operations.AccessLog;
import org.statelessmcp.operations.LogContext;
import org.statelessmcp.operations.Metrics;

/**
 * Gives every request an id and every response its {@code X-Request-ID} header: the client's own id when it is
 * sane (1–128 characters of {@code [A-Za-z0-9._:-]}), so ids can be followed across services, else a new UUID. The
 * id is in every log line the request's threads write. Each exchange on {@code /mcp} is also counted while it is in
 * flight, measured, and given one access-log line when it ends, however it ends.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ExchangeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String HEADER = "X-Request-ID";
    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = "org.statelessmcp.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    transient Metrics metrics;
    @Inject
    transient AccessLog accessLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current(id, null))) {
            if (!"/mcp".equals(request.getServletPath())) {
                chain.doFilter(request, response);
                return;
            }
            Exchange exchange = new Exchange(id, this::ended);
            request.setAttribute(Exchange.ATTRIBUTE, exchange);
            metrics.exchangeStarted();
            try {
                chain.doFilter(request, new CountingResponse(response, exchange));
            } finally {
                if (!exchange.isAsync()) {
                    exchange.end(response.getStatus());
                }
            }
        }
    }

    private void ended(Exchange exchange) {
        metrics.exchangeEnded(exchange.requestBytes(), exchange.responseBytes());
        // an asynchronous exchange ends on a container thread: the line still names its request
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current(exchange.id(),
                exchange.tool().isEmpty() ? null : exchange.tool()))) {
            accessLog.exchange(exchange.method(), exchange.tool(), exchange.status(),
                    exchange.elapsedNanos(), exchange.requestBytes(), exchange.responseBytes());
        }
    }

    /** The id of {@code request}. */
    public static String idOf(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : "";
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
