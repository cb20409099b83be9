package dev.pln.service.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A main class run in a separate JVM on the test class path, whose standard output lines a test can wait for and
 * which it can kill with SIGKILL (for tests that must prove what survives a crash).
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean ended;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "child-jvm-stdout-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM (this JVM's {@code java}, the test class path and the
     * given JVM options); its standard error goes to a file in {@code target/}.
     */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createDirectories(Path.of("target", "child-jvm"))
                    .resolve(mainClass.getSimpleName() + "-" + System.nanoTime() + ".stderr.log");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new ChildJvm(process, stderr);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + mainClass.getName(), ex);
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                append(line);
            }
        }
        catch (IOException ex) {
            // The stream ends with the process; whatever was read so far stays available.
        }
        finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            }
            finally {
                lock.unlock();
            }
        }
    }

    private void append(String line) {
        lock.lock();
        try {
            lines.add(line);
            changed.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits until {@code count} lines matching {@code match} have been printed; fails if the output ends first. */
    public List<String> awaitLines(Predicate<String> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<String> matching = lines.stream().filter(match).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new AssertionError("Child JVM printed " + matching.size() + " of " + count
                            + " expected lines" + (ended ? " before its output ended" : " in " + timeout)
                            + "; stdout: " + tail(lines) + "; stderr: " + tail(stderrLines()));
                }
                changed.awaitNanos(left);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the child JVM", ex);
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits until one line matching {@code match} has been printed and returns it. */
    public String awaitLine(Predicate<String> match, Duration timeout) {
        return awaitLines(match, 1, timeout).get(0);
    }

    /**
     * Kills the JVM with SIGKILL (no shutdown hooks run, nothing is flushed), waits for it to end and returns every
     * complete line it printed, including those still in the pipe when it died.
     */
    public List<String> kill(Duration timeout) {
        process.destroyForcibly();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Child JVM " + process.pid() + " did not die in " + timeout);
            }
            reader.join(timeout.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while killing the child JVM", ex);
        }
        return lines();
    }

    /** The lines printed so far. */
    public List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        }
        finally {
            lock.unlock();
        }
    }

    /** The process, for its pid or exit value. */
    public Process process() {
        return process;
    }

    private List<String> stderrLines() {
        try {
            return Files.readAllLines(stderr);
        }
        catch (IOException ex) {
            return List.of("(cannot read " + stderr + ")");
        }
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill(Duration.ofSeconds(10));
        }
    }
}
