package org.statelessmcp.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.statelessmcp.testkit.McpTestClient;

/**
 * A Payara Server 6 cluster the test sets up itself as {@code server-config/payara-server/README.md} tells an operator:
 * a domain of its own whose DAS only administers, the configuration {@code smcp-config} and the deployment group
 * {@code smcp-dg} of {@code deploy.asadmin}, as many instances in that group as the test asks for, which form one
 * Hazelcast data grid with the DAS (TCP/IP discovery), and the WAR deployed to the group at {@code /}; or, for a WAR
 * that must be refused, such a domain with its DAS alone, the WAR deployed to the DAS. Every socket is on loopback:
 * the DAS from its first start (the domain is {@code domain1} of the distribution written through the build's
 * {@code src/test/payara-server/domain.xsl}, as the profile's own domain is), the instances through
 * {@code loopback-preboot.asadmin}, which the DAS runs before it opens a listener. That file also turns the
 * instances' automatic transaction recovery off: with it on (as {@code default-config} ships), each instance opened a
 * listener on an ephemeral port of every interface for a moment while it started, from the transaction service's
 * recovery thread, just before its log line {@code JTS5014: Recoverable JTS instance}.
 *
 * <p>The domain is not the Arquillian tests' {@code smcp-it}, and lives outside the distribution (its own domain and
 * node directories), so that the two may run at once. The {@code SMCP_*} settings reach the WAR as environment
 * variables of the instances: {@code start-local-instance} passes its own environment on to the instance it starts.
 */
final class PayaraServerCluster {

    private static final String DOMAIN = "smcp-cluster-it";
    private static final String NODE = "smcp-node";
    /** Ports from each port base, as {@code create-domain}/{@code create-local-instance --portbase} lay them out. */
    private static final int ADMIN = 48;
    private static final int HTTP = 80;
    /** The DAS's data-grid port, and the first of the instances' (one more per instance on the host). */
    private static final int DATA_GRID_DAS = 49;
    private static final int DATA_GRID_INSTANCES = 59;
    /** One port base for the DAS, one for each instance. */
    private static final int SPAN = 100;
    private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");

    private final Path home;
    private final Path asadmin;
    private final Path base;
    private final int portBase;
    private final int instances;
    private final List<Member> open = new ArrayList<>();
    private long domainPid;

    private PayaraServerCluster(Path base, int portBase, int instances) {
        this.home = Path.of(System.getProperty("payara.home"));
        this.asadmin = home.resolve("bin/asadmin");
        this.base = base;
        this.portBase = portBase;
        this.instances = instances;
    }

    /**
     * Sets up the domain, starts its DAS and {@code instances} instances ({@code smcp-i1}, {@code smcp-i2}, ...) with
     * {@code environment}, deploys {@code war} to their group, and waits (bounded) until the WAR is ready on every
     * instance and the data grid counts them all and the DAS.
     *
     * @param name the directory under the build's temporary directory that holds the domain, its nodes and logs
     * @return the instances, in the order of their names
     */
    static List<ClusterMember> start(WebArchive war, String name, int instances, Map<String, String> environment)
            throws IOException, InterruptedException {
        PayaraServerCluster cluster = create(name, instances);
        try {
            return cluster.start(war, environment);
        } catch (IOException | InterruptedException | RuntimeException failed) {
            cluster.stopAll();
            throw failed;
        }
    }

    /**
     * Sets up a domain of the same kind with its DAS alone (no group, no instance), starts it, and deploys {@code war}
     * to it at {@code /} as an operator deploys to a single server ({@code asadmin deploy}, target {@code server}),
     * whether the deployment succeeds or not.
     *
     * @param name the directory under the build's temporary directory that holds the domain and its logs
     * @return the DAS, whose output is asadmin's answer to {@code deploy}, then the DAS's {@code server.log}
     */
    static ClusterMember deployToDas(WebArchive war, String name) throws IOException, InterruptedException {
        PayaraServerCluster domain = create(name, 0);
        try {
            domain.startDas();
            Asadmin deploy = domain.run(Map.of(), 300, "--port", String.valueOf(domain.portBase + ADMIN), "deploy",
                    "--contextroot", "/", "--name", "stateless-mcp", domain.export(war).toString());
            return new Das(domain, deploy);
        } catch (IOException | InterruptedException | RuntimeException failed) {
            domain.stopAll();
            throw failed;
        }
    }

    private static PayaraServerCluster create(String name, int instances) throws IOException {
        Path base = Path.of(System.getProperty("smcp.it.tmpdir", "target"), "payara-server-" + name).toAbsolutePath();
        delete(base);
        Files.createDirectories(base);
        return new PayaraServerCluster(base, freePortBase(instances), instances);
    }

    private List<ClusterMember> start(WebArchive war, Map<String, String> environment)
            throws IOException, InterruptedException {
        // where the start's time goes, printed at the end: CI runs this on 2 cores
        long started = System.nanoTime();
        StringBuilder phases = new StringBuilder();
        startDas();
        phase(phases, "DAS", started);
        Path file = export(war);
        Path commands = base.resolve("deploy.asadmin");
        Files.write(commands, deployCommands(file));
        String done = asadmin(Map.of(), 300, "--port", String.valueOf(portBase + ADMIN), "multimode",
                "--file", commands.toString());
        // multimode goes on after a failed command and still exits 0
        if (done.contains("failed")) {
            throw new IllegalStateException("deploy.asadmin failed:\n" + done);
        }
        phase(phases, "deploy.asadmin", started);
        List<CompletableFuture<Member>> starting = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            Member member = new Member(this, instance(i), portBase + SPAN * i);
            open.add(member);
            starting.add(CompletableFuture.supplyAsync(() -> member.start(environment)));
        }
        for (CompletableFuture<Member> member : starting) {
            try {
                member.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        phase(phases, "instances", started);
        for (Member member : open) {
            // three instances on 2 busy cores: the first was ready 4 minutes after start-local-instance returned
            member.awaitReady(480);
        }
        phase(phases, "WAR ready", started);
        for (Member member : open) {
            member.awaitGrid(instances + 1, 90);
        }
        phase(phases, "data grid of " + (instances + 1), started);
        System.out.println("Payara Server cluster (DAS + " + instances + " instances) started, seconds from the start:"
                + phases);
        return List.copyOf(open);
    }

    /** Creates the domain and starts its DAS, with {@code loopback-preboot.asadmin}. */
    private void startDas() throws IOException, InterruptedException {
        createDomain();
        asadmin(Map.of(), 180, "start-domain", "--domaindir", domains().toString(), "--prebootcommandfile",
                Path.of("server-config/payara-server/loopback-preboot.asadmin").toAbsolutePath().toString(), DOMAIN);
        domainPid = pid(domains().resolve(DOMAIN));
    }

    /** {@code war} as a file of the domain's directory, {@code stateless-mcp.war}. */
    private Path export(WebArchive war) {
        Path file = base.resolve("stateless-mcp.war");
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** The name of the {@code i}th instance, from 1. */
    private static String instance(int i) {
        return "smcp-i" + i;
    }

    private static void phase(StringBuilder phases, String name, long started) {
        phases.append(' ').append(name).append(' ').append(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    /**
     * {@code domain1} as shipped, its {@code domain.xml} written through the build's stylesheet with this cluster's
     * ports: faster than {@code create-domain} (no key pairs to generate), and nothing of the DAS ever listens beyond
     * loopback, not even the lazy JMS port that a pre-boot file cannot move.
     */
    private void createDomain() throws IOException {
        Path domain = domains().resolve(DOMAIN);
        Path template = home.resolve("glassfish/domains/domain1");
        Files.createDirectories(domains());
        try (Stream<Path> files = Files.walk(template)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                Files.copy(path, domain.resolve(template.relativize(path).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        try {
            Transformer xsl = TransformerFactory.newInstance().newTransformer(
                    new StreamSource(new File("src/test/payara-server/domain.xsl")));
            Map<String, Integer> ports = Map.of("http-port", HTTP, "https-port", 81, "admin-port", ADMIN,
                    "iiop-port", 37, "iiop-ssl-port", 38, "iiop-mutualauth-port", 39, "jmx-port", 86, "jms-port", 76,
                    "datagrid-port", DATA_GRID_DAS, "osgi-shell-port", 66);
            ports.forEach((param, offset) -> xsl.setParameter(param, String.valueOf(portBase + offset)));
            xsl.transform(new StreamSource(template.resolve("config/domain.xml").toFile()),
                    new StreamResult(domain.resolve("config/domain.xml").toFile()));
        } catch (TransformerException e) {
            throw new IllegalStateException("domain.xsl", e);
        }
    }

    /**
     * The lines of {@code deploy.asadmin} this test needs, with this cluster's ports: configuration, group, data grid,
     * JSON logs, the WAR at {@code /}; then the node and instances of README.md section 4. Left out: the settings
     * (the test's come from the environment, which outranks the domain source), {@code /metrics} security.
     */
    private List<String> deployCommands(Path war) {
        StringBuilder members = new StringBuilder("127.0.0.1:" + (portBase + DATA_GRID_DAS));
        for (int i = 0; i < instances; i++) {
            members.append(",127.0.0.1:").append(portBase + DATA_GRID_INSTANCES + i);
        }
        List<String> commands = new ArrayList<>(List.of(
                "copy-config default-config smcp-config",
                "create-deployment-group smcp-dg",
                // --dynamic: the running DAS restarts its data grid member at once, instead of restart-domain
                "set-hazelcast-configuration --dynamic true --clustermode tcpip --clustername smcp-" + portBase
                        + " --tcpipmembers " + members + " --interfaces 127.0.0.1 --dasport "
                        + (portBase + DATA_GRID_DAS),
                "set-hazelcast-configuration --target smcp-config --enabled true --configspecificdatagridstartport "
                        + (portBase + DATA_GRID_INSTANCES),
                "set-log-attributes --target smcp-config com.sun.enterprise.server.logging.GFFileHandler.formatter="
                        + "fish.payara.enterprise.server.logging.JSONLogFormatter",
                "deploy --target smcp-dg --virtualservers server --contextroot / --name stateless-mcp " + war,
                "create-node-config --nodehost localhost --installdir " + home + " --nodedir " + nodes() + " " + NODE));
        for (int i = 1; i <= instances; i++) {
            commands.add("create-local-instance --node " + NODE + " --nodedir " + nodes()
                    + " --config smcp-config --deploymentgroup smcp-dg --portbase " + (portBase + SPAN * i)
                    + " " + instance(i));
        }
        return commands;
    }

    /**
     * A port base whose hundred ports, and its instances' hundreds above, are all free on loopback at the time of
     * asking; far from the fixed ports of the build's other servers (8080-8680, 10490-10590, 24848, 28xxx).
     */
    private static int freePortBase(int instances) {
        int span = SPAN * (instances + 1);
        for (int candidate = 31000; candidate < 60000; candidate += span) {
            if (allFree(candidate, span)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free range of " + span + " ports on loopback");
    }

    private static boolean allFree(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs asadmin with {@code environment} added to this process's, bounded; its output is kept in a file of the
     * cluster's directory. Fails unless it exits 0.
     */
    private String asadmin(Map<String, String> environment, long seconds, String... arguments)
            throws IOException, InterruptedException {
        Asadmin run = run(environment, seconds, arguments);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " exited " + run.exitCode()
                    + ":\n" + run.output());
        }
        return run.output();
    }

    /** What an asadmin command answered, and how it exited. */
    private record Asadmin(int exitCode, String output) {
    }

    /** Runs asadmin as {@link #asadmin} does, whatever its exit code. */
    private Asadmin run(Map<String, String> environment, long seconds, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(asadmin.toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(base, "asadmin-" + arguments[arguments[0].startsWith("--") ? 2 : 0] + "-",
                ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " took over " + seconds + " s:\n"
                    + Files.readString(log));
        }
        return new Asadmin(process.exitValue(), Files.readString(log));
    }

    /** The process id a server wrote into {@code config/pid} of its directory when it started, or 0. */
    private static long pid(Path serverDirectory) throws IOException {
        Path file = serverDirectory.resolve("config/pid");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).strip()) : 0;
    }

    private Path domains() {
        return base.resolve("domains");
    }

    private Path nodes() {
        return base.resolve("nodes");
    }

    /** An instance has stopped: once none runs, the DAS stops too. */
    private synchronized void closed(Member member) throws InterruptedException {
        open.remove(member);
        if (open.isEmpty()) {
            stopDomain();
        }
    }

    /** Stops whatever of the cluster was started, after a start that failed half way. */
    private synchronized void stopAll() throws InterruptedException {
        for (Member member : List.copyOf(open)) {
            member.stop();
        }
        open.clear();
        stopDomain();
    }

    private void stopDomain() throws InterruptedException {
        try {
            asadmin(Map.of(), 120, "stop-domain", "--domaindir", domains().toString(), DOMAIN);
        } catch (IOException | IllegalStateException e) {
            System.err.println("stop-domain: " + e.getMessage());
        }
        stopProcess(domainPid);
    }

    /** Whatever the stop command left of a server we started, SIGTERM, then SIGKILL. */
    private static void stopProcess(long pid) throws InterruptedException {
        Optional<ProcessHandle> left = pid == 0 ? Optional.empty() : ProcessHandle.of(pid);
        if (left.isPresent() && left.get().isAlive()) {
            left.get().destroy();
            try {
                left.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                left.get().destroyForcibly();
            }
        }
    }

    /** {@code SIGKILL} to the server of that PID, if it runs; waits (bounded) until it is gone. */
    private static void killProcess(long pid, String name) throws InterruptedException {
        Optional<ProcessHandle> server = pid == 0 ? Optional.empty() : ProcessHandle.of(pid);
        if (server.isPresent()) {
            server.get().destroyForcibly();
            try {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(name + " outlived kill -9", e);
            }
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                old.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /**
     * The DAS of a domain without instances, after a deployment: its HTTP listener (port base + 80), asadmin's answer
     * to {@code deploy} and its {@code server.log} (the DAS's own format, a message over several lines).
     */
    private static final class Das implements ClusterMember {

        private final PayaraServerCluster domain;
        private final Asadmin deploy;

        private Das(PayaraServerCluster domain, Asadmin deploy) {
            this.domain = domain;
            this.deploy = deploy;
        }

        @Override
        public McpTestClient kit() {
            return McpTestClient.at("http://127.0.0.1:" + (domain.portBase + HTTP) + "/");
        }

        @Override
        public URI probe(String probe) {
            return URI.create("http://127.0.0.1:" + (domain.portBase + HTTP) + "/health/" + probe);
        }

        /** {@code asadmin deploy exited N}, what asadmin printed, then the lines of the DAS's {@code server.log}. */
        @Override
        public List<String> output() {
            List<String> lines = new ArrayList<>();
            lines.add("asadmin deploy exited " + deploy.exitCode());
            lines.addAll(deploy.output().lines().toList());
            Path log = domain.domains().resolve(DOMAIN).resolve("logs/server.log");
            try {
                if (Files.exists(log)) {
                    lines.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines;
        }

        /** The DAS's JVM killed ({@code SIGKILL}) by its PID, as a crash would. */
        @Override
        public void kill() throws InterruptedException {
            killProcess(domain.domainPid, "the DAS");
        }

        /**
         * Undeploys the application (what an operator's redeploy does first, and what runs its shutdown while the
         * DAS goes on), then stops the domain. A refused undeploy (nothing was deployed) is only reported.
         */
        @Override
        public void close() throws InterruptedException {
            try {
                Asadmin undeploy = domain.run(Map.of(), 120, "--port", String.valueOf(domain.portBase + ADMIN),
                        "undeploy", "stateless-mcp");
                if (undeploy.exitCode() != 0) {
                    System.err.println("asadmin undeploy exited " + undeploy.exitCode() + ": " + undeploy.output());
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("asadmin undeploy: " + e.getMessage());
            } finally {
                domain.stopAll();
            }
        }
    }

    /** One instance of the group: its HTTP listener (port base + 80) and its {@code server.log}. */
    private static final class Member implements ClusterMember {

        private final PayaraServerCluster cluster;
        private final String name;
        private final int port;
        private long pid;

        private Member(PayaraServerCluster cluster, String name, int portBase) {
            this.cluster = cluster;
            this.name = name;
            this.port = portBase + HTTP;
        }

        private Path directory() {
            return cluster.nodes().resolve(NODE).resolve(name);
        }

        /** Starts the instance with {@code environment}; asadmin returns once it runs, before the WAR is loaded. */
        private Member start(Map<String, String> environment) {
            try {
                cluster.asadmin(environment, 300, "--port", String.valueOf(cluster.portBase + ADMIN),
                        "start-local-instance", "--node", NODE, "--nodedir", cluster.nodes().toString(), name);
                pid = pid(directory());
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits (bounded) until the WAR's readiness probe answers 200. */
        private void awaitReady(long seconds) throws InterruptedException {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(probe("ready")).timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int status = 0;
            while (System.nanoTime() < deadline) {
                try {
                    status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // the listener is not open yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(name + " was not ready in " + seconds + " s (last status " + status
                    + "):\n" + String.join("\n", output()));
        }

        /** Waits (bounded) until the latest data-grid status this instance logged counts {@code size} members. */
        private void awaitGrid(int size, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (gridSize() == size) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(name + "'s data grid did not reach " + size + " members in " + seconds
                    + " s:\n" + String.join("\n", output()));
        }

        private int gridSize() {
            int size = 0;
            for (String line : output()) {
                Matcher matcher = GRID_SIZE.matcher(line);
                while (matcher.find()) {
                    size = Integer.parseInt(matcher.group(1));
                }
            }
            return size;
        }

        @Override
        public McpTestClient kit() {
            return McpTestClient.at("http://127.0.0.1:" + port + "/");
        }

        /** At the root of the instance's HTTP listener, as on every Payara. */
        @Override
        public URI probe(String probe) {
            return URI.create("http://127.0.0.1:" + port + "/health/" + probe);
        }

        /** The instance's {@code server.log}, one JSON object per line ({@code set-log-attributes} above). */
        @Override
        public List<String> output() {
            Path log = directory().resolve("logs/server.log");
            try {
                return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void stop() throws InterruptedException {
            try {
                cluster.asadmin(Map.of(), 120, "stop-local-instance", "--node", NODE, "--nodedir",
                        cluster.nodes().toString(), name);
            } catch (IOException | IllegalStateException e) {
                System.err.println("stop-local-instance " + name + ": " + e.getMessage());
            }
            stopProcess(pid);
        }

        /** The instance's JVM killed ({@code SIGKILL}) by its PID, as a crash would. */
        @Override
        public void kill() throws InterruptedException {
            killProcess(pid, name);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
            cluster.closed(this);
        }
    }
}
