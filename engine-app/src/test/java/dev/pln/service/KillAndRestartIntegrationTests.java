package dev.pln.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durability promise, tested the way it fails in production: the real service in its own JVM on the
 * embedded default store, posted to from four clients, killed with SIGKILL mid-stream, restarted on the same
 * data directory — and every decision it acknowledged with 201 reads back unchanged.
 */
class KillAndRestartIntegrationTests {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedDecisionSurvivesKillMinus9() throws Exception {
        int port = freePort();
        Process first = start(port);
        ApiClient api = new ApiClient(port);
        JsonNode dong = Fixtures.workedCase("case-4-dong").request();
        // Secure by default: the first start's intake key, which survives the kill with the store.
        JsonNode credentials = JsonMapper.builder().build()
                .readTree(Files.readString(dataDir.resolve("initial-credentials.json")));
        String key = "Bearer " + credentials.get("apiKey").asString();

        Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (first.isAlive()) {
                    try {
                        ApiClient.Reply reply = api.post("/api/v1/decisions",
                                Fixtures.with(dong, "/clientId", "KILL-" + sequence.incrementAndGet()),
                                "Authorization", key);
                        if (reply.status() == 201) {
                            acknowledged.put(reply.json().get("decisionId").asString(), reply.json());
                        }
                    }
                    catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        waitUntil(() -> acknowledged.size() >= 150, Duration.ofSeconds(60), "150 acknowledged decisions");
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        start(port);
        for (Map.Entry<String, JsonNode> decision : acknowledged.entrySet()) {
            ApiClient.Reply reply = api.get("/api/v1/decisions/" + decision.getKey(), "Authorization", key);
            assertThat(reply.status()).as("decision %s after kill -9", decision.getKey()).isEqualTo(200);
            assertThat(reply.json()).isEqualTo(decision.getValue());
        }
        String admin = "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + credentials.get("password").asString()).getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/api/v1/clients/KILL-1", "Authorization", admin).status()).isEqualTo(200);
    }

    private Process start(int port) throws IOException, InterruptedException {
        Path log = Path.of("target", "kill-and-restart-" + processes.size() + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), PlnApplication.class.getName(),
                "--server.port=" + port, "--pln.storage.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        ApiClient api = new ApiClient(port);
        waitUntil(() -> {
            try {
                return api.get("/actuator/health").status() == 200;
            }
            catch (UncheckedIOException notYet) {
                return false;
            }
        }, START_TIMEOUT, "the service to start (see " + log + ")");
        return process;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
