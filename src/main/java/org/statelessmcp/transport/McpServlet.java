package org.statelessmcp.transport;

import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.statelessmcp.operations.AccessLog;
import org.statelessmcp.operations.LogContext;
import org.statelessmcp.operations.Masking;
import org.statelessmcp.operations.Metrics;
import org.statelessmcp.operations.SmcpConfig;
import org.statelessmcp.protocol.JsonP;
import org.statelessmcp.protocol.JsonRpcError;
import org.statelessmcp.protocol.JsonRpcParser;
import org.statelessmcp.protocol.JsonRpcWriter;
import org.statelessmcp.protocol.ParsedBody;
import org.statelessmcp.security.AccessGate;

/**
 * {@code POST /mcp}: reads the body with blocking I/O under the size limit, parses it as JSON-RPC and hands it to
 * a {@link DialectRouter}. Every other HTTP method is refused with 405. Nothing thrown below reaches the
 * container's error page: the client gets a JSON error and the log gets the detail.
 *
 * <p>Every request gets its {@link RequestIds id} and its {@link Exchange} here rather than in a filter: a filter
 * costs the container a pair of invocation events per request, on the path that carries the load.
 */
@WebServlet(urlPatterns = "/mcp", asyncSupported = true)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpServlet.class.getName());

    @Inject
    transient SmcpConfig config;
    @Inject
    transient JsonRpcParser parser;
    @Inject
    transient DialectRouter exchange;
    @Inject
    transient Masking masking;
    @Inject
    transient AccessGate gate;
    @Inject
    transient Metrics metrics;
    @Inject
    transient AccessLog accessLog;

    private transient OriginGuard originGuard;
    private transient ExchangeTracker exchanges;
    private transient long maxRequestSize;

    @Override
    public void init() {
        originGuard = new OriginGuard(config.allowedOrigins());
        exchanges = new ExchangeTracker(metrics, accessLog);
        maxRequestSize = config.maxRequestSize();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = RequestIds.assign(request, response);
        Exchange exchange = exchanges.start(request, id);
        try (LogContext.Scope scope = LogContext.enter(new LogContext.Current(id, null))) {
            serve(request, ExchangeTracker.counting(response, exchange));
        } finally {
            if (!exchange.isAsync()) {
                exchange.end(response.getStatus());
            }
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String origin = request.getHeader("Origin");
            if ("OPTIONS".equals(request.getMethod()) && originGuard.listed(origin)
                    && request.getHeader("Access-Control-Request-Method") != null) {
                Cors.preflight(origin, request.getHeader("Access-Control-Request-Headers"), response);
                return;
            }
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                HttpResponses.error(response, 405, "method_not_allowed",
                        request.getMethod() + " is not supported on /mcp; send JSON-RPC with POST");
                return;
            }
            if (!originGuard.allows(origin)) {
                HttpResponses.json(response, 403, JsonRpcWriter.error(null, JsonRpcError.forbiddenOrigin(origin)));
                return;
            }
            if (originGuard.listed(origin)) {
                Cors.allow(origin, response);
            }
            if (gate.admit(request, response)) {
                post(request, response);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client connection failed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + RequestIds.of(request) + " failed", e);
            if (!response.isCommitted() && !request.isAsyncStarted()) {
                response.reset();
                response.setHeader(RequestIds.HEADER, RequestIds.of(request));
                HttpResponses.json(response, 500, JsonRpcWriter.error(null, JsonRpcError.internalError()));
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!isJson(request.getContentType())) {
            HttpResponses.error(response, 415, "unsupported_media_type",
                    "Content-Type must be application/json (UTF-8)");
            return;
        }
        BodyReader.Body body;
        try {
            body = BodyReader.read(request.getInputStream(), request.getContentLengthLong(), maxRequestSize);
        } catch (BodyReader.TooLarge e) {
            // the rest of the body is never read: do not let the container try to reuse the connection
            response.setHeader("Connection", "close");
            HttpResponses.json(response, 413,
                    JsonRpcWriter.error(null, JsonRpcError.requestTooLarge(maxRequestSize)));
            return;
        }
        Exchange measured = Exchange.of(request);
        if (measured != null) {
            measured.requestRead(body.length());
        }
        ParsedBody parsed = parser.parse(body.bytes(), body.length());
        if (LOG.isLoggable(Level.FINE)) {
            logRequest(request, body);
        }
        exchange.answer(parsed, request, response);
    }

    /** At FINE: what the request carried, with every secret masked (headers by name, JSON members by name). */
    private void logRequest(HttpServletRequest request, BodyReader.Body body) {
        StringBuilder headers = new StringBuilder();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.append(headers.length() == 0 ? "" : ", ").append(name).append(": ")
                    .append(masking.isSecret(name) ? Masking.MASK : request.getHeader(name));
        }
        String json;
        try (JsonReader reader = JsonP.createReader(new ByteArrayInputStream(body.bytes(), 0, body.length()))) {
            json = masking.mask(reader.readValue()).toString();
        } catch (RuntimeException notJson) {
            json = "(not JSON)";
        }
        LOG.fine("request headers {" + headers + "} body " + json);
    }

    /**
     * {@code application/json}, {@code application/json-rpc} or {@code application/*+json}, in UTF-8 if a charset is
     * named.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].trim();
        boolean json = type.equals("application/json") || type.equals("application/json-rpc")
                || (type.startsWith("application/") && type.endsWith("+json"));
        if (!json) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                return charset.equals("utf-8") || charset.equals("utf8");
            }
        }
        return true;
    }
}
