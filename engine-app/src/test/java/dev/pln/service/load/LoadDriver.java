package dev.pln.service.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/**
 * Load driver (not a test): posts decisions to a running service from C concurrent clients and prints
 * throughput and latency percentiles, then inserts documents of the same size straight into the same store
 * through the driver, so the ratio of end-to-end to raw store speed is visible. Run by load-test.sh.
 *
 * <p>Arguments: {@code baseUrl mongoUri requests clients [ratePerSecond]}; rate 0 means as fast as possible.
 * {@code mongoUri} may also be the path of a file holding it, such as the embedded store's
 * {@code embedded-store.uri}, so that its password is not on the command line.
 */
public final class LoadDriver {

    private static final int MAX_FAILURES_SHOWN = 5;

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String mongoUri = args[1].startsWith("mongodb") ? args[1] : Files.readString(Path.of(args[1])).strip();
        int requests = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        // Secure by default: an intake key (load-test.sh passes the first start's).
        String authorization = "Bearer " + System.getenv().getOrDefault("PLN_API_KEY", "");

        List<String> bodies = Fixtures.workedCases().stream().map(Fixture::request).map(JsonNode::toString).toList();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.nanoTime(), 36);
        long intervalNanos = rate > 0 ? 1_000_000_000L / rate : 0;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    if (intervalNanos > 0) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    String body = bodies.get(i % bodies.size()).replaceFirst("\"clientId\":\"[^\"]*\"",
                            "\"clientId\":\"LOAD-" + run + "-" + i + "\"");
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                            .header("Content-Type", "application/json").header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - t0;
                        bytes.addAndGet(response.body().length());
                        if (response.statusCode() != 201) {
                            failed(failures, "HTTP " + response.statusCode() + " " + response.body());
                        }
                    }
                    catch (Exception ex) {
                        latencies[i] = System.nanoTime() - t0;
                        failed(failures, ex.toString());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        double httpRate = requests / seconds;
        System.out.printf(Locale.ROOT, "http: %d requests, %d clients, target rate %s: %.0f req/s, failures %d%n",
                requests, clients, rate > 0 ? rate + "/s" : "max", httpRate, failures.get());
        System.out.printf(Locale.ROOT, "http latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                ms(latencies, 0.50), ms(latencies, 0.99), ms(latencies, 0.999), latencies[requests - 1] / 1e6);
        System.out.printf(Locale.ROOT, "average response %d bytes%n", bytes.get() / requests);

        if (rate == 0) {
            double raw = rawInserts(mongoUri, requests, clients);
            System.out.printf(Locale.ROOT, "raw driver inserts of a stored decision's size, %d clients: %.0f/s%n",
                    clients, raw);
            System.out.printf(Locale.ROOT, "end-to-end / raw store insert rate: %.0f %%%n", 100 * httpRate / raw);
        }
    }

    /** Counts a failed request and prints the first few, so that a failure under load can be diagnosed. */
    private static void failed(AtomicInteger failures, String what) {
        if (failures.incrementAndGet() <= MAX_FAILURES_SHOWN) {
            System.out.println("failure: " + what);
        }
    }

    private static double rawInserts(String mongoUri, int count, int clients) throws InterruptedException {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            Document template = mongo.getDatabase("pln").getCollection("decisions").find().first();
            if (template == null) {
                throw new IllegalStateException("no stored decision to copy the size from");
            }
            MongoCollection<Document> scratch = mongo.getDatabase("pln").getCollection("loadDriverRaw");
            scratch.drop();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        Document copy = new Document(template);
                        copy.put("_id", "raw-" + i);
                        scratch.insertOne(copy);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            double rate = count / ((System.nanoTime() - start) / 1e9);
            scratch.drop();
            return rate;
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
