package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.weather.WeatherTools;
import jakarta.json.JsonObject;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A user's own tool jar with a {@code beans.xml} in {@code WEB-INF/lib} adds tools without forking the WAR. */
class ToolJarIT extends DeployedWarTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        JavaArchive tools = ShrinkWrap.create(JavaArchive.class, "weather-tools.jar")
                .addClasses(WeatherTools.class, WeatherTools.Forecast.class, WeatherTools.Unit.class)
                .addAsManifestResource(new StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                                + " bean-discovery-mode=\"annotated\"/>"),
                        "beans.xml");
        return Deployments.productWar().addAsLibrary(tools);
    }

    @Test
    void toolFromTheUsersJarIsCallable() {
        JsonObject result = kit.call("forecast", Map.of("city", "Oslo", "unit", "FAHRENHEIT")).assertSuccess().result();
        assertEquals("Oslo", result.getString("city"));
        assertEquals(57.2, result.getJsonNumber("temperature").doubleValue(), 1e-9);
        assertEquals("FAHRENHEIT", result.getString("unit"));
    }

    @Test
    void toolFromTheUsersJarIsListedBesideTheExamples() {
        JsonObject catalog = kit.list().json();
        assertEquals(7, catalog.getInt("count"));
        JsonObject forecast = catalog.getJsonObject("tools").getJsonObject("forecast");
        assertEquals("CELSIUS", forecast.getJsonObject("inputSchema").getJsonObject("properties")
                .getJsonObject("unit").getString("default"));
    }
}
