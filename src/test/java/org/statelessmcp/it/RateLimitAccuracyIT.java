package org.statelessmcp.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.statelessmcp.testkit.McpResponse;

/**
 * The leased rate limit measured, not assumed: three instances in one cluster of the server under test (Payara Micro's
 * data grid, a Payara Server deployment group's three instances in their domain's data grid, WildFly's Infinispan,
 * Hazelcast's JCache on Open Liberty), requests spread over them at random, a limit of {@value #LIMIT} a minute. Never
 * more than the limit is admitted, and never fewer than the limit less one block an instance ({@code limit / 8}), also
 * when one instance is killed mid-window. Each figure is also
 * written to {@code target/rate-limit-accuracy.tsv}, which {@code bench/accuracy.sh} turns into a report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitAccuracyIT {

    private static final int LIMIT = 60;
    /** At most one unused block an instance, a block at most an eighth of the limit. */
    private static final int LOST_AT_MOST = 3 * Math.max(1, LIMIT / 8);
    private static final Map<String, String> LIMITS = Map.of("SMCP_RATE_LIMIT_ENABLED", "true",
            "SMCP_DEFAULT_RATE_LIMIT", "100000/minute",
            "SMCP_RATE_LIMIT_TOOLS", "echo=" + LIMIT + "/minute,add=" + LIMIT + "/minute");

    private static final List<ClusterMember> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        Files.deleteIfExists(Path.of("target", "rate-limit-accuracy.tsv"));
        WebArchive war = Deployments.productWar();
        INSTANCES.addAll(switch (TargetServer.current()) {
            case PAYARA_MICRO -> startPayaraMicro(war);
            case WILDFLY -> WildFlyProcess.startCluster(war, "accuracy", List.of(500, 600, 700), LIMITS);
            case LIBERTY -> LibertyProcess.startCluster(war, "accuracy", 3, LIMITS);
            case PAYARA_SERVER -> PayaraServerCluster.start(war, "accuracy", 3, LIMITS);
        });
    }

    private static List<ClusterMember> startPayaraMicro(WebArchive war) throws Exception {
        List<ClusterMember> instances = new ArrayList<>();
        List<Integer> members = List.of(PayaraMicroProcess.freePort(), PayaraMicroProcess.freePort(),
                PayaraMicroProcess.freePort());
        String cluster = "smcp-accuracy-" + members.get(0);
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<PayaraMicroProcess>> started = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int member = i;
                started.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return PayaraMicroProcess.startClustered(war, "accuracy-" + member, cluster,
                                members.get(member), members, LIMITS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, starting));
            }
            for (CompletableFuture<PayaraMicroProcess> each : started) {
                instances.add(each.join());
            }
        } finally {
            starting.shutdown();
        }
        PayaraMicroProcess first = (PayaraMicroProcess) instances.get(0);
        assertTrue(first.awaitOutput("DG Size: 3", 120), String.join("\n", first.output()));
        return instances;
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (ClusterMember server : INSTANCES) {
            server.close();
        }
    }

    /** Waits, if need be, for a fresh minute: the count below must not cross into the next window. */
    private static void awaitRoomInTheWindow() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 25_000) {
            Thread.sleep(60_000 - intoMinute + 500);
        }
    }

    /** Calls {@code tool} {@code count} times, each on an instance of {@code among} drawn at random. */
    private static int admitted(String tool, int count, List<ClusterMember> among, Random random) {
        int admitted = 0;
        for (int i = 0; i < count; i++) {
            McpResponse response = among.get(random.nextInt(among.size())).kit()
                    .call(tool, tool.equals("echo") ? Map.of("message", "x") : Map.of("a", 1, "b", 2));
            if (response.status() == 200) {
                admitted++;
            } else {
                response.assertStatus(429);
            }
        }
        return admitted;
    }

    /** One scenario's figures: on standard output, and as a line of {@code target/rate-limit-accuracy.tsv}. */
    private static void record(String scenario, int requests, int admitted) {
        String line = String.join("\t", scenario, String.valueOf(LIMIT), String.valueOf(requests),
                String.valueOf(admitted), String.valueOf(LIMIT - LOST_AT_MOST));
        System.out.println("RateLimitAccuracyIT: " + line.replace('\t', ' '));
        try {
            Files.writeString(Path.of("target", "rate-limit-accuracy.tsv"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void threeInstancesAdmitTheLimitAndNeverMore() throws InterruptedException {
        awaitRoomInTheWindow();
        int admitted = admitted("echo", 2 * LIMIT, INSTANCES, new Random(7));
        record("3 instances, requests spread at random", 2 * LIMIT, admitted);
        assertTrue(admitted <= LIMIT, admitted + " admitted of " + LIMIT);
        assertTrue(admitted >= LIMIT - LOST_AT_MOST, admitted + " admitted of " + LIMIT);
    }

    @Test
    @Order(2)
    void anInstanceKilledMidWindowTakesOnlyItsOwnBlockWithIt() throws InterruptedException {
        awaitRoomInTheWindow();
        Random random = new Random(11);
        int admitted = admitted("add", LIMIT / 2, INSTANCES, random);
        INSTANCES.get(2).kill();
        admitted += admitted("add", 2 * LIMIT, INSTANCES.subList(0, 2), random);
        record("3 instances, one killed with kill -9 after " + LIMIT / 2 + " requests", LIMIT / 2 + 2 * LIMIT,
                admitted);
        assertTrue(admitted <= LIMIT, admitted + " admitted of " + LIMIT);
        assertTrue(admitted >= LIMIT - LOST_AT_MOST, admitted + " admitted of " + LIMIT);
    }
}
