package org.statelessmcp.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A Payara Micro the test starts itself, on loopback and a free port, for what Arquillian's one managed container
 * cannot show: a deployment that must fail, a second instance. Closing it stops the process it started.
 */
final class PayaraMicroProcess implements ProcessMember {

    /**
     * Where every member of a cluster serves the WAR, as behind a load balancer: the same path on each, and with it
     * the same shared maps (their namespace is the context path).
     */
    static final String CLUSTER_CONTEXT_ROOT = "/stateless-mcp";

    private final ServerProcess process;
    private final int port;
    private final String contextRoot;

    private PayaraMicroProcess(WebArchive war, String name, List<String> clustering, Map<String, String> environment)
            throws IOException {
        int given = clustering.indexOf("--contextroot");
        this.contextRoot = given < 0 ? "/" + name : clustering.get(given + 1);
        File file = new File(System.getProperty("smcp.it.tmpdir", "target"), name + ".war");
        war.as(ZipExporter.class).exportTo(file, true);
        port = freePort();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-Dhazelcast.socket.bind.any=false", "-Djava.io.tmpdir=" + file.getParent(),
                "-jar", System.getProperty("payara.microJar"), "--deploy", file.getPath(), "--port",
                String.valueOf(port), "--disablephonehome",
                "--prebootcommandfile", System.getProperty("smcp.preboot")));
        command.addAll(clustering);
        process = new ServerProcess(command, environment, new File(file.getParent(), name + ".log"),
                line -> line.contains("ready in") || line.contains("Payara Micro failed"));
    }

    /** A free TCP port on loopback, at the time of asking. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts a server of its own, outside any cluster, and waits (bounded) until it is ready or has failed. */
    static PayaraMicroProcess start(WebArchive war, String name) throws IOException, InterruptedException {
        return startWithOptions(war, name, List.of("--nocluster"), Map.of());
    }

    /** Starts a server of its own whose process has {@code environment} ({@code SMCP_*} settings, ...). */
    static PayaraMicroProcess start(WebArchive war, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        return startWithOptions(war, name, List.of("--nocluster"), environment);
    }

    /** Starts a server of its own with {@code environment} and more Payara Micro options (command files, ...). */
    static PayaraMicroProcess start(WebArchive war, String name, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--nocluster"));
        all.addAll(options);
        return startWithOptions(war, name, all, environment);
    }

    /**
     * Starts a member of a Hazelcast cluster on loopback, whose members are found by TCP at {@code memberPorts}.
     *
     * @param clusterPort this member's own Hazelcast port, one of {@code memberPorts}
     */
    static PayaraMicroProcess startClustered(WebArchive war, String name, String clusterName, int clusterPort,
                                             List<Integer> memberPorts)
            throws IOException, InterruptedException {
        return startClustered(war, name, clusterName, clusterPort, memberPorts, Map.of());
    }

    /** A cluster member whose process has {@code environment}. */
    static PayaraMicroProcess startClustered(WebArchive war, String name, String clusterName, int clusterPort,
                                             List<Integer> memberPorts, Map<String, String> environment)
            throws IOException, InterruptedException {
        String members = memberPorts.stream().map(member -> "127.0.0.1:" + member)
                .collect(java.util.stream.Collectors.joining(","));
        return startWithOptions(war, name, List.of("--clustername", clusterName, "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(clusterPort), "--contextroot",
                CLUSTER_CONTEXT_ROOT), environment);
    }

    /**
     * Starts a server of its own with exactly {@code options} after the WAR's {@code --deploy} and port: its clustering
     * included, and any further {@code --deploy}.
     */
    static PayaraMicroProcess startWithOptions(WebArchive war, String name, List<String> options,
                                               Map<String, String> environment)
            throws IOException, InterruptedException {
        PayaraMicroProcess server = new PayaraMicroProcess(war, name, options, environment);
        if (!server.process.awaitSettled(180)) {
            server.close();
            throw new IllegalStateException(
                    "Payara Micro did not start in 180 s:\n" + String.join("\n", server.output()));
        }
        return server;
    }

    int port() {
        return port;
    }

    /**
     * The test kit's client of this server's deployment, in the plain dialect: at {@code /<name>/}, or at
     * {@link #CLUSTER_CONTEXT_ROOT} for a cluster member.
     */
    @Override
    public McpTestClient kit() {
        return McpTestClient.at("http://127.0.0.1:" + port + contextRoot + "/");
    }

    /** Waits (bounded) until the server has printed a line containing {@code text}. */
    boolean awaitOutput(String text, long seconds) throws InterruptedException {
        return process.awaitOutput(line -> line.contains(text), seconds);
    }

    @Override
    public java.net.URI probe(String probe) {
        return java.net.URI.create("http://127.0.0.1:" + port + "/health/" + probe);
    }

    @Override
    public ServerProcess process() {
        return process;
    }
}
