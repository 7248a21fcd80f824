package org.statelessmcp.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.statelessmcp.dispatch.Outcome;
import org.statelessmcp.protocol.JsonRpcError;

class StatelessResultsTest {

    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/serverInfo\":{\"name\":\"s\",\"version\":\"1\"}}";
    private final StatelessResults results = new StatelessResults("{\"name\":\"s\",\"version\":\"1\"}", 5000);

    private String complete(String json, StatelessResults.Caching caching) {
        return ((Outcome.Success) results.complete(new Outcome.Success(json), caching)).json();
    }

    @Test
    void resultsSayTheyAreCompleteAndNameTheServer() {
        assertEquals("{\"resultType\":\"complete\"," + META + ",\"content\":[]}",
                complete("{\"content\":[]}", StatelessResults.Caching.NONE));
    }

    @Test
    void anEmptyResultStaysValidJson() {
        assertEquals("{\"resultType\":\"complete\"," + META + "}", complete("{}", StatelessResults.Caching.NONE));
    }

    @Test
    void listsMayBeCachedPubliclyForTheConfiguredTime() {
        assertEquals("{\"resultType\":\"complete\"," + META + ",\"ttlMs\":5000,\"cacheScope\":\"public\",\"tools\":[]}",
                complete("{\"tools\":[]}", StatelessResults.Caching.PUBLIC));
    }

    @Test
    void inputRequiredKeepsItsTypeAndGetsNoCachingHints() {
        assertEquals("{" + META + ",\"resultType\":\"input_required\",\"requestState\":\"x\"}",
                complete("{\"resultType\":\"input_required\",\"requestState\":\"x\"}",
                        StatelessResults.Caching.PRIVATE_NOW));
    }

    @Test
    void errorsAreLeftAsTheyAre() {
        Outcome failure = new Outcome.Failure(JsonRpcError.internalError());
        assertSame(failure, results.complete(failure, StatelessResults.Caching.PUBLIC));
    }
}
