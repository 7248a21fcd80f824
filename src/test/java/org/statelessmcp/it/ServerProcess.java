package org.statelessmcp.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server process a test starts itself, its output followed line by line. Output goes to a file, not a pipe: the JDK
 * may close a pipe under its reader as the process exits, losing the last lines (the ones a test of shutting down
 * looks for); the file also stays for reading after a failure. Closing stops the process and everything it started.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final File log;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Predicate<String> settles;

    /**
     * @param settles whether a line says the server has started, or failed to: {@link #awaitSettled} waits for it
     */
    ServerProcess(List<String> command, Map<String, String> environment, File log, Predicate<String> settles)
            throws IOException {
        this.log = log;
        this.settles = settles;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(this::readOutput, "server-output-" + log.getName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits (bounded) for the line that settles the start, or the end of the process. */
    boolean awaitSettled(long seconds) throws InterruptedException {
        return settled.await(seconds, TimeUnit.SECONDS);
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
        if (settles.test(line)) {
            settled.countDown();
        }
    }

    /** Waits (bounded) until the server has printed a line that {@code matches}. */
    boolean awaitOutput(Predicate<String> matches, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(matches)) {
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
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the server as an operator would (SIGTERM), then forcibly what is left, launcher scripts' children too. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                child.destroyForcibly();
            }
        }
    }
}
