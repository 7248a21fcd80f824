package org.statelessmcp.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.spi.event.container.AfterUnDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Lets a test class's managed Payara Micro start only once the previous one has exited. The adapter undeploys by
 * signalling its process and returns at once; the next class's server then picks a random port in 8080-9079. A
 * server still shutting down, its application already gone, answers 404 on every path: once in CI, every request
 * of a whole test class went to such a server. Waiting costs nothing when the process exits as it should (well under
 * a second here); one that outlives the grace period is killed, and the test output says so.
 */
public final class AwaitPayaraMicroExit {

    /** Registered in {@code META-INF/services}; on WildFly, Open Liberty and Payara Server it finds no process. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.observer(AwaitPayaraMicroExit.class);
        }
    }

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration SLOW = Duration.ofSeconds(5);

    /** The adapter deploys from a temporary directory of this name; servers the tests start themselves do not. */
    private static final String ADAPTERS_DIRECTORY = "arquillian-payara-micro";

    public void beforeDeploy(@Observes BeforeDeploy event) {
        awaitExit();
    }

    public void afterUndeploy(@Observes AfterUnDeploy event) {
        awaitExit();
    }

    private static void awaitExit() {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().filter(line -> line.contains(ADAPTERS_DIRECTORY))
                        .isPresent())
                .toList();
        for (ProcessHandle server : servers) {
            long start = System.nanoTime();
            try {
                server.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (took.compareTo(SLOW) > 0) {
                    System.err.printf("Payara Micro (pid %d) took %d s to exit after its undeployment%n", server.pid(),
                            took.toSeconds());
                }
            } catch (TimeoutException e) {
                server.destroyForcibly();
                System.err.printf("Payara Micro (pid %d) was still running %d s after its undeployment: killed%n",
                        server.pid(), GRACE.toSeconds());
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not wait for Payara Micro (pid " + server.pid() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
