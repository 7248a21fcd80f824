package org.statelessmcp.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A WildFly cluster member the test starts itself: {@code standalone-microprofile-ha.xml} as the build configured it
 * with {@code server-config/wildfly/configure.cli} and {@code cluster.cli} (JGroups over TCP with static members, the
 * {@code stateless-mcp} cache container, the deployment overlay that maps the WAR's cache reference), in a server
 * directory of its own, every socket on loopback and moved by a port offset. The WAR is deployed at {@code /} by the
 * deployment scanner, as {@code ROOT.war}.
 */
final class WildFlyProcess implements ProcessMember {

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;
    private static final int JGROUPS_TCP = 7600;

    private final ServerProcess process;
    private final String name;
    private final int offset;

    private WildFlyProcess(WebArchive war, String name, int offset, String members, Map<String, String> environment)
            throws IOException {
        this.name = name;
        this.offset = offset;
        Path home = Path.of(System.getProperty("jboss.home"));
        Path base = Path.of(System.getProperty("smcp.it.tmpdir", "target"), "wildfly-" + name);
        copy(home.resolve("standalone"), base);
        war.as(ZipExporter.class).exportTo(base.resolve("deployments/ROOT.war").toFile(), true);
        List<String> command = List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-microprofile-ha.xml", "-Djboss.server.base.dir=" + base,
                "-b", "127.0.0.1", "-bprivate", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.node.name=" + name,
                "-Djgroups.tcpping.initial_hosts=" + members);
        Map<String, String> all = new java.util.HashMap<>(environment);
        // the script then runs the JVM in the background and passes SIGTERM on to it
        all.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        all.put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true");
        process = new ServerProcess(command, all, base.resolve("console.log").toFile(),
                line -> line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026") || line.contains("WFLYSRV0055"));
    }

    /**
     * Starts the members of one cluster, named {@code <name>-a}, {@code <name>-b}, …, one at each port offset, and
     * waits (bounded) until all have started and their caches have rebalanced over all of them.
     */
    static List<ClusterMember> startCluster(WebArchive war, String name, List<Integer> offsets,
                                            Map<String, String> environment)
            throws IOException, InterruptedException {
        String members = offsets.stream().map(offset -> "127.0.0.1[" + (JGROUPS_TCP + offset) + "]")
                .collect(java.util.stream.Collectors.joining(","));
        List<WildFlyProcess> started = new java.util.ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            started.add(new WildFlyProcess(war, name + "-" + (char) ('a' + i), offsets.get(i), members,
                    environment));
        }
        for (WildFlyProcess member : started) {
            if (!member.process.awaitSettled(240)) {
                closeAll(started);
                throw new IllegalStateException("WildFly did not start in 240 s:\n"
                        + String.join("\n", member.output()));
            }
        }
        // the WAR's cache has rebalanced over every member: the cluster holds the shared state
        java.util.function.Predicate<String> rebalanced = line -> line.contains("ISPN100010")
                && started.stream().allMatch(member -> line.contains(member.name));
        if (!started.get(0).process.awaitOutput(rebalanced, 90)) {
            closeAll(started);
            throw new IllegalStateException("The WildFly members did not form a cluster in 90 s:\n"
                    + String.join("\n", started.get(0).output()));
        }
        return List.copyOf(started);
    }

    /**
     * Starts one server of its own, a cluster of one, and waits (bounded) until it has started, with or without its
     * deployment: for what a single server shows, such as a deployment it refuses.
     */
    static ProcessMember startOne(WebArchive war, String name, int offset, Map<String, String> environment)
            throws IOException, InterruptedException {
        WildFlyProcess server = new WildFlyProcess(war, name, offset,
                "127.0.0.1[" + (JGROUPS_TCP + offset) + "]", environment);
        if (!server.process.awaitSettled(240)) {
            server.close();
            throw new IllegalStateException("WildFly did not start in 240 s:\n" + String.join("\n", server.output()));
        }
        return server;
    }

    private static void closeAll(List<WildFlyProcess> members) throws InterruptedException {
        for (WildFlyProcess member : members) {
            member.close();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(path -> !path.startsWith(from.resolve("log")) && !path.startsWith(from.resolve("tmp")))
                    .forEach(path -> {
                        try {
                            Files.copy(path, to.resolve(from.relativize(path).toString()),
                                    StandardCopyOption.COPY_ATTRIBUTES);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        Files.createDirectories(to.resolve("deployments"));
    }

    @Override
    public McpTestClient kit() {
        return McpTestClient.at("http://127.0.0.1:" + (HTTP + offset) + "/");
    }

    /** On the management interface, where WildFly serves MicroProfile Health. */
    @Override
    public java.net.URI probe(String probe) {
        return java.net.URI.create("http://127.0.0.1:" + (MANAGEMENT + offset) + "/health/" + probe);
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
