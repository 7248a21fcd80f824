package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.statelessmcp.api.McpLog.LogLevel;
import org.statelessmcp.dispatch.ChunkSink;
import org.statelessmcp.dispatch.ClientChannel;

class McpChannelTest {

    private final List<String> sent = new ArrayList<>();

    private static JsonObject params(String meta) {
        return Json.createObjectBuilder().add("name", "t").add("_meta", Json.createReader(
                new java.io.StringReader(meta)).readObject()).build();
    }

    private ClientChannel channel(JsonObject params, RequestContext context) {
        return McpChannel.of(params, context, sent::add);
    }

    @Test
    void a2025RequestHearsInfoAndAboveUnlessItsMetaSaysOtherwise() {
        RequestContext context = RequestContext.handshake("2025-11-25", null);
        assertEquals(LogLevel.INFO, channel(params("{}"), context).logLevel());
        assertEquals(LogLevel.DEBUG, channel(params("{\"io.modelcontextprotocol/logLevel\":\"debug\"}"), context)
                .logLevel());
    }

    @Test
    void a2026RequestHearsOnlyTheLevelItAsksFor() {
        assertEquals(LogLevel.OFF, channel(params("{}"),
                new RequestContext("2026-07-28", null, null, null)).logLevel());
        assertEquals(LogLevel.WARNING, channel(params("{}"),
                new RequestContext("2026-07-28", null, "warning", null)).logLevel());
    }

    @Test
    void aClientThatAcceptsOnlyJsonHearsNothing() {
        assertSame(ClientChannel.NONE, McpChannel.of(params("{\"progressToken\":1}"),
                RequestContext.handshake("2025-11-25", null), NotificationSink.NONE));
    }

    @Test
    void progressIsANotificationWithTheRequestsToken() {
        channel(params("{\"progressToken\":\"p\"}"), RequestContext.handshake("2025-11-25", null))
                .progress(BigDecimal.valueOf(2), BigDecimal.TEN, "two");
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":"
                + "\"p\",\"progress\":2,\"total\":10,\"message\":\"two\"}}"), sent);
    }

    @Test
    void aStringChunkIsTheProgressMessageItselfAnyOtherChunkItsJson() {
        McpChannel channel = (McpChannel) channel(params("{\"progressToken\":5}"),
                RequestContext.handshake("2025-11-25", null));
        ChunkSink chunks = channel.chunks("gen");
        chunks.send("\"step one\"");
        chunks.send("{\"n\":2}");
        assertEquals(List.of(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":5,"
                        + "\"progress\":1,\"message\":\"step one\"}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progressToken\":5,"
                        + "\"progress\":2,\"message\":\"{\\\"n\\\":2}\"}}"),
                sent);
    }

    @Test
    void withoutATokenChunksAreInfoLogMessagesWhenTheClientHearsInfo() {
        McpChannel channel = (McpChannel) channel(params("{}"), RequestContext.handshake("2025-11-25", null));
        channel.chunks("gen").send("{\"n\":1}");
        assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\","
                + "\"logger\":\"gen\",\"data\":{\"n\":1}}}"), sent);
        McpChannel quiet = (McpChannel) channel(params("{}"), new RequestContext("2026-07-28", null, null, null));
        assertSame(ChunkSink.DISCARD, quiet.chunks("gen"));
    }
}
