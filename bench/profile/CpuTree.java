import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads async-profiler's collapsed stacks and prints CPU time per request: below each root frame named on the
 * command line, a tree of its callees to a depth, in µs per request. Run as a source file:
 * {@code java CpuTree.java <file> <requests> <interval µs> <depth> <min µs> <frame>...}
 */
public final class CpuTree {

    private record Stack(String[] frames, long samples) {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double requests = Double.parseDouble(args[1]);
        double interval = Double.parseDouble(args[2]);
        int depth = Integer.parseInt(args[3]);
        double minimum = Double.parseDouble(args[4]);
        List<Stack> stacks = new ArrayList<>();
        long total = 0;
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            long samples = Long.parseLong(line.substring(space + 1));
            stacks.add(new Stack(line.substring(0, space).split(";"), samples));
            total += samples;
        }
        System.out.printf("%8.1f µs per request in all%n", total * interval / requests);
        for (int i = 5; i < args.length; i++) {
            String root = args[i];
            Map<List<String>, Long> paths = new HashMap<>();
            for (Stack stack : stacks) {
                int at = indexOf(stack.frames(), root);
                if (at < 0) {
                    continue;
                }
                Set<List<String>> seen = new HashSet<>();
                for (int end = at + 1; end <= Math.min(stack.frames().length, at + depth + 1); end++) {
                    List<String> path = List.of(stack.frames()).subList(at, end);
                    if (seen.add(path)) {
                        paths.merge(path, stack.samples(), Long::sum);
                    }
                }
            }
            print(List.of(root), paths, requests, interval, minimum);
        }
    }

    private static int indexOf(String[] frames, String root) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].equals(root)) {
                return i;
            }
        }
        return -1;
    }

    private static void print(List<String> path, Map<List<String>, Long> paths, double requests, double interval,
                              double minimum) {
        Long samples = paths.get(path);
        if (samples == null) {
            return;
        }
        double micros = samples * interval / requests;
        if (micros < minimum) {
            return;
        }
        System.out.printf("%8.1f %s%s%n", micros, "  ".repeat(path.size() - 1), path.get(path.size() - 1));
        paths.keySet().stream()
                .filter(child -> child.size() == path.size() + 1 && child.subList(0, path.size()).equals(path))
                .sorted((a, b) -> Long.compare(paths.get(b), paths.get(a)))
                .forEach(child -> print(child, paths, requests, interval, minimum));
    }
}
