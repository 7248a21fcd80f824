package org.statelessmcp.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id and every response its {@code X-Request-ID} header: the client's own id when it is
 * sane (1–128 characters of {@code [A-Za-z0-9._:-]}), so ids can be followed across services, else a new UUID.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String HEADER = "X-Request-ID";
    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = "org.statelessmcp.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    /** The id of {@code request}. */
    public static String idOf(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : "";
    }
}
