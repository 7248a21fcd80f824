package org.statelessmcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the packages, as each package's {@code package-info.java} declares it ({@code <p>May use ...}),
 * holds: no package uses one it does not declare, and neither the declarations nor the code have a cycle. The
 * declarations are read from the package-info files rather than from a table here, so that the layering has one
 * written form, the one a reader of the code meets, and this test keeps it true.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/statelessmcp");
    /** An import, or a fully qualified type anywhere in the text (code, or a Javadoc link). */
    private static final Pattern REFERENCE = Pattern.compile("org\\.statelessmcp\\.([a-z]\\w*)\\.[A-Z]");
    private static final Pattern MAY_USE = Pattern.compile("<p>May use ([^.]*)\\.");
    private static final Pattern CODE = Pattern.compile("\\{@code (\\w+)}");

    /** Each package, and what its sources reference of the other packages, each reference named by its file. */
    private static Map<String, Map<String, Set<String>>> used() throws IOException {
        Map<String, Map<String, Set<String>>> used = new TreeMap<>();
        for (String pkg : packages()) {
            Map<String, Set<String>> byPackage = new TreeMap<>();
            try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher reference = REFERENCE.matcher(read(file));
                    while (reference.find()) {
                        if (!reference.group(1).equals(pkg)) {
                            byPackage.computeIfAbsent(reference.group(1), other -> new TreeSet<>())
                                    .add(file.getFileName().toString());
                        }
                    }
                }
            }
            used.put(pkg, byPackage);
        }
        return used;
    }

    /** What each package's {@code package-info.java} says it may use. */
    private static Map<String, Set<String>> declared() throws IOException {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (String pkg : packages()) {
            Path info = SOURCES.resolve(pkg).resolve("package-info.java");
            Matcher mayUse = MAY_USE.matcher(Files.exists(info) ? read(info) : "");
            Set<String> allowed = new TreeSet<>();
            if (mayUse.find()) {
                CODE.matcher(mayUse.group(1)).results().forEach(code -> allowed.add(code.group(1)));
                declared.put(pkg, allowed);
            }
        }
        return declared;
    }

    private static List<String> packages() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cycles of {@code graph}, each as the path around it; the shortest of each strongly connected part. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> cycles = new ArrayList<>();
        Set<String> reported = new TreeSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            List<String> path = shortestPath(graph, start, start);
            if (path != null && reported.add(String.join(",", new TreeSet<>(path)))) {
                cycles.add(String.join(" -> ", path));
            }
        }
        return cycles;
    }

    /** The shortest path from {@code from} back to {@code to} of at least one step, or {@code null}. */
    private static List<String> shortestPath(Map<String, Set<String>> graph, String from, String to) {
        Map<String, String> previous = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(from));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String node : frontier) {
                for (String target : graph.getOrDefault(node, Set.of())) {
                    if (target.equals(to)) {
                        List<String> path = new ArrayList<>(List.of(to));
                        for (String step = node; !step.equals(from); step = previous.get(step)) {
                            path.add(0, step);
                        }
                        path.add(0, from);
                        return path;
                    }
                    if (!previous.containsKey(target) && !target.equals(from)) {
                        previous.put(target, node);
                        next.add(target);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    @Test
    void everyPackageDeclaresWhatItMayUseInItsPackageInfo() throws IOException {
        List<String> undeclared = new ArrayList<>(packages());
        undeclared.removeAll(declared().keySet());
        assertEquals(List.of(), undeclared, "packages whose package-info.java has no '<p>May use ...' line");
    }

    @Test
    void theDeclaredLayeringHasNoCycleAndNamesOnlyPackagesThatExist() throws IOException {
        Map<String, Set<String>> declared = declared();
        assertEquals(List.of(), cycles(declared));
        List<String> unknown = declared.entrySet().stream().flatMap(entry -> entry.getValue().stream()
                .filter(target -> !declared.containsKey(target)).map(target -> entry.getKey() + " -> " + target))
                .toList();
        assertEquals(List.of(), unknown);
    }

    @Test
    void noPackageUsesOneItDoesNotDeclare() throws IOException {
        Map<String, Set<String>> declared = declared();
        List<String> upward = new ArrayList<>();
        used().forEach((pkg, uses) -> uses.forEach((target, files) -> {
            if (!declared.getOrDefault(pkg, Set.of()).contains(target)) {
                upward.add(pkg + " -> " + target + " in " + files);
            }
        }));
        assertEquals(List.of(), upward);
    }

    @Test
    void thePackagesHaveNoDependencyCycle() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        used().forEach((pkg, uses) -> graph.put(pkg, uses.keySet()));
        assertEquals(List.of(), cycles(graph));
    }

    @Test
    void aCycleIsFoundAndNamedByItsPath() {
        assertEquals(List.of("a -> b -> c -> a"), cycles(Map.of("a", Set.of("b"), "b", Set.of("c"),
                "c", Set.of("a"), "d", Set.of("a"))));
        assertTrue(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"))).isEmpty());
    }

    @Test
    void theApiUsesNothingOfTheMachinery() throws IOException {
        assertEquals(Map.of(), used().get("api"));
    }

    @Test
    void theProtocolLayerDoesNotUseTheApi() throws IOException {
        assertFalse(used().get("protocol").containsKey("api"));
    }
}
