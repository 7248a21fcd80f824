package org.statelessmcp.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of each request, sent back in {@code X-Request-ID}: the client's own when it is sane (1–128 characters of
 * {@code [A-Za-z0-9._:-]}), so ids can be followed across services, else a new UUID.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    /** The request attribute holding the id. */
    public static final String ATTRIBUTE = "org.statelessmcp.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** Gives {@code request} its id and {@code response} the header; returns the id. */
    static String assign(HttpServletRequest request, HttpServletResponse response) {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        return id;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: an id correlates log lines and guards nothing, so the
     * system generator behind {@link UUID#randomUUID()}, a shared lock and a read per call, buys nothing here.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id of {@code request}, or an empty string before it has one. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : "";
    }
}
