package org.statelessmcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tool-author API stands alone, and the protocol layer knows nothing of it: what a tool imports never drags in
 * the machinery, and the machinery's JSON-RPC layer renders no tool-author type.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/statelessmcp");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.statelessmcp\\.(\\w+)",
            Pattern.MULTILINE);

    private static List<String> importsOf(String pkg, String forbiddenPrefix) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            return files.filter(file -> file.toString().endsWith(".java")).flatMap(file -> {
                try {
                    Matcher imports = IMPORT.matcher(Files.readString(file));
                    return imports.results().map(match -> file.getFileName() + " imports " + match.group(1))
                            .filter(found -> forbiddenPrefix == null || found.endsWith(" " + forbiddenPrefix))
                            .toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(found -> !found.endsWith(" imports " + pkg)).toList();
        }
    }

    @Test
    void theApiImportsNothingOfTheMachinery() throws IOException {
        assertEquals(List.of(), importsOf("api", null));
    }

    @Test
    void theProtocolLayerDoesNotImportTheApi() throws IOException {
        assertEquals(List.of(), importsOf("protocol", "api"));
    }
}
