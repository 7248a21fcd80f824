package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.quarkus.FooService;
import com.example.quarkus.MyTools;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.statelessmcp.testkit.McpResponse;

/**
 * Tools written for Quarkus MCP Server ({@link MyTools}: the guides' examples, only the imports changed) deployed in a
 * tool jar, answering as the porting guide ({@code docs/porting-from-quarkus.md}) says.
 */
class QuarkusPortIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Quarkus makes a bean of every class with @Tool methods; discovery "all" does the same here
        JavaArchive tools = ShrinkWrap.create(JavaArchive.class, "quarkus-tools.jar")
                .addClasses(MyTools.class, FooService.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
        return Deployments.productWar().addAsLibrary(tools);
    }

    @Test
    void aPackagePrivateToolWithAnInjectedServiceAndADefaultAnswers() {
        kit.mcp2025().call("foo").assertSuccess().assertText("pong Andy");
        kit.mcp2026().call("foo", Map.of("name", "Ada")).assertSuccess().assertText("pong Ada");
    }

    @Test
    void successOfAStringIsOneText() {
        kit.mcp2026().call("toLowerCase", Map.of("value", "MiXeD")).assertSuccess().assertText("mixed");
        kit.call("toLowerCase", Map.of("value", "MiXeD")).assertSuccess()
                .assertStructured("{\"content\":[{\"type\":\"text\",\"text\":\"mixed\"}]}");
    }

    @Test
    void aStringResultAndAToolCallExceptionAnswerAsInQuarkus() {
        kit.mcp2025().call("calculatePrice", Map.of("price", 100, "discount", 20)).assertSuccess()
                .assertText("Final price: $80");
        kit.mcp2025().call("calculatePrice", Map.of("price", 100, "discount", 150))
                .assertIsError("Discount must be between 0 and 100");
        kit.call("calculatePrice", Map.of("price", 100, "discount", 150))
                .assertError(-32000, "Discount must be between 0 and 100");
    }

    @Test
    void aCauseGivenToToolCallExceptionStaysOnTheServer() {
        for (McpResponse response : List.of(kit.mcp2026().call("parseOrderId", Map.of("value", "x1")),
                kit.mcp2025().call("parseOrderId", Map.of("value", "x1")))) {
            response.assertIsError("Order ID must be a number").assertNoInternals()
                    .assertText("Order ID must be a number");
        }
        kit.call("parseOrderId", Map.of("value", "x1")).assertError(-32000, "Order ID must be a number")
                .assertNoInternals();
    }

    @Test
    void mcpLogSendsFormattedMessagesAtTheClientsLevel() {
        McpResponse info = kit.mcp2025().call("processData", Map.of("input", "abc")).assertSuccess().assertText("ABC");
        assertEquals(List.of("Starting data processing for input: abc"),
                info.logs().stream().map(log -> log.data().toString().replace("\"", "")).toList());
        McpResponse debug = kit.mcp2026().logLevel("debug").call("processData", Map.of("input", "abc"))
                .assertSuccess();
        assertEquals(List.of("info", "debug", "warning"), debug.logs().stream().map(McpResponse.LogMessage::level)
                .toList());
        assertEquals("\"Processing complete. Result length: 3\"", debug.logs().get(1).data().toString());
    }

    @Test
    void aProgressTrackerReportsEachStepWithItsMessage() {
        McpResponse response = kit.mcp2025().progressToken(7).call("processWithTracking").assertSuccess()
                .assertText("Processing complete. Total: 100")
                .assertProgress(IntStream.rangeClosed(1, 10).mapToDouble(step -> step * 10).toArray());
        assertEquals("Processed 10 items", response.progress().get(0).message());
        assertEquals(100.0, response.progress().get(9).total());
    }

    @Test
    void withoutAProgressTokenTheToolKnowsNobodyListens() {
        kit.mcp2025().call("processWithTracking").assertSuccess().assertText("Progress tracking not available");
    }

    @Test
    void progressWithoutATotal() {
        McpResponse response = kit.mcp2026().progressToken("p").call("processWithoutTotal").assertSuccess()
                .assertProgress(1, 2, 3);
        assertEquals(null, response.progress().get(2).total());
        assertEquals("Processed 3 items", response.progress().get(2).message());
    }

    @Test
    void cancellationThatNobodyRequestedLetsTheWorkComplete() {
        kit.mcp2025().call("operationWithException").assertSuccess().assertText("Complete");
    }
}
