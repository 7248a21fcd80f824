package com.example.weather;

import jakarta.enterprise.context.ApplicationScoped;
import org.statelessmcp.api.Tool;
import org.statelessmcp.api.ToolArg;

/** A user's tool, packaged in its own jar with a beans.xml, as docs/writing-tools.md and docs/testing-tools.md show. */
@ApplicationScoped
public class WeatherTools {

    public enum Unit { CELSIUS, FAHRENHEIT }

    public record Forecast(String city, double temperature, Unit unit) {
    }

    @Tool(description = "Tomorrow's temperature in a city.",
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = true))
    public Forecast forecast(@ToolArg(description = "City name") String city,
                             @ToolArg(description = "Unit of the answer", defaultValue = "CELSIUS") Unit unit) {
        double celsius = 10 + city.length();
        return new Forecast(city, unit == Unit.CELSIUS ? celsius : celsius * 9 / 5 + 32, unit);
    }
}
