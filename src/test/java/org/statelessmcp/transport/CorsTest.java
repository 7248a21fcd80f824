package org.statelessmcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CorsTest {

    @Test
    void aPreflightMaySendTheMcpParamHeadersItAsksFor() {
        assertEquals(Cors.ALLOWED_HEADERS + ", mcp-param-region, Mcp-Param-Priority",
                Cors.allowedHeaders("content-type, mcp-param-region,Mcp-Param-Priority"));
    }

    @Test
    void otherRequestedHeadersAreNotEchoed() {
        assertEquals(Cors.ALLOWED_HEADERS, Cors.allowedHeaders("x-secret, mcp-param-, mcp-param-a b, cookie"));
        assertEquals(Cors.ALLOWED_HEADERS, Cors.allowedHeaders(null));
    }
}
