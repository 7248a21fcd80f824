package com.example.weather;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.statelessmcp.testkit.McpTestClient;

/** A tool author's test: the stateless-mcp WAR with their tool jar added, called in every dialect. */
@ExtendWith(ArquillianExtension.class)
class WeatherToolsIT {

    private static final String OSLO = "{\"city\":\"Oslo\",\"temperature\":57.2,\"unit\":\"FAHRENHEIT\"}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive tools = ShrinkWrap.create(JavaArchive.class, "weather-tools.jar")
                .addClasses(WeatherTools.class, WeatherTools.Forecast.class, WeatherTools.Unit.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                        + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stateless-mcp.war"))
                .addAsLibrary(tools);
    }

    @ArquillianResource
    URL base;

    @Test
    void plainJsonRpc() {
        McpTestClient plain = McpTestClient.at(base).plain();
        plain.call("forecast", Map.of("city", "Oslo", "unit", "FAHRENHEIT"))
                .assertSuccess()
                .assertStructured(OSLO);
        plain.call("forecast", Map.of("city", "Oslo", "unit", "KELVIN"))
                .assertError(-32602, "unit")
                .assertNoInternals();
        assertTrue(plain.list().toolNames().contains("forecast"));
    }

    @Test
    void mcp2025() {
        McpTestClient mcp = McpTestClient.at(base).mcp2025();
        mcp.call("forecast", Map.of("city", "Oslo", "unit", "FAHRENHEIT"))
                .assertSuccess()
                .assertStructured(OSLO);
        mcp.call("forecast", Map.of("city", "Oslo", "unit", "KELVIN"))
                .assertIsError("unit")
                .assertNoInternals();
    }

    @Test
    void mcp2026() {
        McpTestClient mcp = McpTestClient.at(base).mcp2026();
        mcp.call("forecast", Map.of("city", "Oslo"))
                .assertSuccess()
                .assertStructured("{\"city\":\"Oslo\",\"temperature\":14,\"unit\":\"CELSIUS\"}");
        assertTrue(mcp.list().toolNames().contains("forecast"));
    }
}
