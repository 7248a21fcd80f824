package org.statelessmcp.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A Payara Micro the test starts itself, on loopback and a free port, for what Arquillian's one managed container
 * cannot show: a deployment that must fail, a second instance. Closing it stops the process it started.
 */
final class PayaraMicroProcess implements AutoCloseable {

    private final Process process;
    private final File log;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final int port;
    private final String name;

    private PayaraMicroProcess(WebArchive war, String name, List<String> clustering, Map<String, String> environment)
            throws IOException {
        this.name = name;
        File file = new File(System.getProperty("smcp.it.tmpdir", "target"), name + ".war");
        war.as(ZipExporter.class).exportTo(file, true);
        port = freePort();
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx384m",
                "-Dhazelcast.socket.bind.any=false", "-Djava.io.tmpdir=" + file.getParent(),
                "-jar", System.getProperty("payara.microJar"), "--deploy", file.getPath(), "--port",
                String.valueOf(port), "--disablephonehome",
                "--prebootcommandfile", System.getProperty("smcp.preboot")));
        command.addAll(clustering);
        // To a file, not a pipe: the JDK may close a pipe under its reader as the process exits, losing the last lines
        // (the ones a test of shutting down looks for); the file also stays for reading after a failure.
        log = new File(file.getParent(), name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(this::readOutput, "payara-micro-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** A free TCP port on loopback, at the time of asking. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts a server of its own, outside any cluster, and waits (bounded) until it is ready or has failed. */
    static PayaraMicroProcess start(WebArchive war, String name) throws IOException, InterruptedException {
        return start(war, name, List.of("--nocluster"), Map.of());
    }

    /** Starts a server of its own whose process has {@code environment} ({@code SMCP_*} settings, ...). */
    static PayaraMicroProcess start(WebArchive war, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(war, name, List.of("--nocluster"), environment);
    }

    /** Starts a server of its own with {@code environment} and more Payara Micro options (command files, ...). */
    static PayaraMicroProcess start(WebArchive war, String name, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--nocluster"));
        all.addAll(options);
        return start(war, name, all, environment);
    }

    /**
     * Starts a member of a Hazelcast cluster on loopback, whose members are found by TCP at {@code memberPorts}.
     *
     * @param clusterPort this member's own Hazelcast port, one of {@code memberPorts}
     */
    static PayaraMicroProcess startClustered(WebArchive war, String name, String clusterName, int clusterPort,
                                             List<Integer> memberPorts) throws IOException, InterruptedException {
        return startClustered(war, name, clusterName, clusterPort, memberPorts, Map.of());
    }

    /** A cluster member whose process has {@code environment}. */
    static PayaraMicroProcess startClustered(WebArchive war, String name, String clusterName, int clusterPort,
                                             List<Integer> memberPorts, Map<String, String> environment)
            throws IOException, InterruptedException {
        String members = memberPorts.stream().map(member -> "127.0.0.1:" + member)
                .collect(java.util.stream.Collectors.joining(","));
        return start(war, name, List.of("--clustername", clusterName, "--clustermode", "tcpip:" + members,
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(clusterPort)), environment);
    }

    private static PayaraMicroProcess start(WebArchive war, String name, List<String> clustering,
                                            Map<String, String> environment) throws IOException, InterruptedException {
        PayaraMicroProcess server = new PayaraMicroProcess(war, name, clustering, environment);
        if (!server.settled.await(180, TimeUnit.SECONDS)) {
            server.close();
            throw new IllegalStateException("Payara Micro did not start in 180 s:\n" + String.join("\n", server.output));
        }
        return server;
    }

    /** Follows the log file as the server writes it, line by line, until the process has ended and all is read. */
    private void readOutput() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = new FileInputStream(log)) {
            while (true) {
                boolean ended = !process.isAlive();
                int read = in.read(buffer);
                if (read < 0) {
                    if (ended) {
                        break;
                    }
                    Thread.sleep(50);
                    continue;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
            if (line.size() > 0) {
                add(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException | InterruptedException stopped) {
            // the test is over: its output ends here
        } finally {
            settled.countDown();
        }
    }

    private void add(String line) {
        output.add(line);
        if (line.contains("ready in") || line.contains("Payara Micro failed")) {
            settled.countDown();
        }
    }

    int port() {
        return port;
    }

    /** The URL of {@code /mcp}: the WAR is served under its file name, {@code /<name>}. */
    String mcpUrl() {
        return kit().endpoint().toString();
    }

    /** The test kit's client of this server's deployment, {@code /<name>/}, in the plain dialect. */
    McpTestClient kit() {
        return McpTestClient.at("http://127.0.0.1:" + port + "/" + name + "/");
    }

    /** Waits (bounded) until the server has printed a line containing {@code text}. */
    boolean awaitOutput(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Everything the server printed so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    /** Kills the server as a crash would ({@code SIGKILL}): nothing of it runs on, nothing says goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
