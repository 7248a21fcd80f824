package org.statelessmcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Testing your tools" example is the test the build runs, word for word. */
class ReadmeExampleTest {

    @Test
    void theTestKitExampleIsWeatherToolsIT() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Testing your tools"));
        Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        java.find();
        assertEquals(Files.readString(Path.of("src/test/java/com/example/weather/WeatherToolsIT.java")).strip(),
                java.group(1).strip());
    }
}
