package org.statelessmcp.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.testkit.McpTestClient;

/**
 * An Open Liberty cluster member the test starts itself, set up as {@code server-config/open-liberty/README.md} tells
 * an operator: its {@code server.xml}, {@code cluster.xml} and {@code hazelcast.xml}, the lines of
 * {@code cluster-jvm.options} with this member's address and port, Hazelcast in {@code usr/shared/resources/jcache}
 * (put there by the build), the WAR in {@code apps/} at {@code /}. Every socket is on loopback.
 */
final class LibertyProcess implements ProcessMember {

    private static final Path CONFIG = Path.of("server-config/open-liberty");

    private final ServerProcess process;
    private final int port;
    private final int managementPort;

    private LibertyProcess(WebArchive war, String name, int clusterPort, String members,
                           Map<String, String> environment)
            throws IOException {
        Path home = Path.of(System.getProperty("liberty.home"));
        Path server = home.resolve("usr/servers").resolve(name);
        delete(server);
        Files.createDirectories(server.resolve("apps"));
        for (String file : List.of("server.xml", "cluster.xml", "hazelcast.xml")) {
            Files.copy(CONFIG.resolve(file), server.resolve(file));
        }
        List<String> options = new ArrayList<>(List.of("-Xmx384m"));
        for (String line : Files.readAllLines(CONFIG.resolve("cluster-jvm.options"))) {
            if (line.startsWith("-Dsmcp.cluster.port=")) {
                options.add("-Dsmcp.cluster.port=" + clusterPort);
            } else if (line.startsWith("-Dsmcp.cluster.members=")) {
                options.add("-Dsmcp.cluster.members=" + members);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                options.add(line);
            }
        }
        Files.write(server.resolve("jvm.options"), options);
        war.as(ZipExporter.class).exportTo(server.resolve("apps/stateless-mcp.war").toFile(), true);
        port = PayaraMicroProcess.freePort();
        managementPort = PayaraMicroProcess.freePort();
        Map<String, String> all = new HashMap<>(environment);
        all.put("LIBERTY_HTTP_PORT", String.valueOf(port));
        all.put("LIBERTY_MANAGEMENT_PORT", String.valueOf(managementPort));
        all.put("JAVA_HOME", System.getProperty("java.home"));
        process = new ServerProcess(List.of(home.resolve("bin/server").toString(), "run", name), all,
                new File(System.getProperty("smcp.it.tmpdir", "target"), "liberty-" + name + ".log"),
                line -> line.contains("CWWKF0011I") || line.contains("CWWKZ0002E") || line.contains("CWWKE0701E"));
    }

    /**
     * Starts {@code count} members of one cluster, named {@code <name>-a}, {@code <name>-b}, …, and waits (bounded)
     * until all have started and their Hazelcast members have met.
     */
    static List<ClusterMember> startCluster(WebArchive war, String name, int count, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<Integer> hazelcastPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hazelcastPorts.add(PayaraMicroProcess.freePort());
        }
        String members = hazelcastPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(java.util.stream.Collectors.joining(","));
        List<LibertyProcess> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            started.add(new LibertyProcess(war, name + "-" + (char) ('a' + i), hazelcastPorts.get(i), members,
                    environment));
        }
        for (LibertyProcess member : started) {
            if (!member.process.awaitSettled(180)) {
                closeAll(started);
                throw new IllegalStateException("Open Liberty did not start in 180 s:\n"
                        + String.join("\n", member.output()));
            }
        }
        if (!started.get(0).process.awaitOutput(line -> line.contains("Members {size:" + count), 90)) {
            closeAll(started);
            throw new IllegalStateException("The Liberty members' Hazelcast did not meet in 90 s:\n"
                    + String.join("\n", started.get(0).output()));
        }
        return List.copyOf(started);
    }

    /**
     * Starts one server of its own and waits (bounded) until its application has started or failed to: for what a
     * single server shows, such as a deployment it refuses.
     */
    static ProcessMember startOne(WebArchive war, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        LibertyProcess server = new LibertyProcess(war, name, PayaraMicroProcess.freePort(),
                "127.0.0.1:" + PayaraMicroProcess.freePort(), environment);
        // CWWKZ0012I, not started: what Liberty says when a listener of the web module's start failed
        if (!server.process.awaitSettled(180) || !server.process.awaitOutput(
                line -> line.contains("CWWKZ0001I") || line.contains("CWWKZ0002E") || line.contains("CWWKZ0012I"),
                60)) {
            server.close();
            throw new IllegalStateException("Open Liberty did not start its application in time:\n"
                    + String.join("\n", server.output()));
        }
        return server;
    }

    private static void closeAll(List<LibertyProcess> members) throws InterruptedException {
        for (LibertyProcess member : members) {
            member.close();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                old.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Override
    public McpTestClient kit() {
        return McpTestClient.at("http://127.0.0.1:" + port + "/");
    }

    /** On the management port of server.xml, where Liberty's own web modules are. */
    @Override
    public java.net.URI probe(String probe) {
        return java.net.URI.create("http://127.0.0.1:" + managementPort + "/health/" + probe);
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
