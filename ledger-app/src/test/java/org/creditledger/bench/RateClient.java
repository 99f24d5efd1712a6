package org.creditledger.bench;

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

/**
 * Not a test: a constant-rate (open model) load generator for {@code POST /api/v1/checks}, the part of wrk2 / {@code hey -q}
 * the check benchmark needs, which Debian does not package. Run as its own process by {@link CheckBenchmark}, so its
 * CPU and memory are not the ledger's.
 *
 * <p>Request {@code i} is due at {@code start + i / rate}; a pool of worker threads sends each when it is due, and its
 * latency is counted from when it was due, not from when a worker got to it, so a server that stalls is charged for
 * every request that should have gone out meanwhile (no coordinated omission). The first {@code warmSeconds} are sent
 * but not counted.
 *
 * <p>Arguments: url, API key, file of JSON bodies (one a line), rate per second, seconds, warm-up seconds. Prints one
 * line: {@code RATE sent=… ok=… errors=… p50=… p90=… p99=… p999=… max=…} (milliseconds).
 */
public final class RateClient {

    private RateClient() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String key = args[1];
        List<String> bodies = Files.readAllLines(Path.of(args[2]));
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmSeconds = Integer.parseInt(args[5]);
        int total = (int) Math.round(rate * (seconds + warmSeconds));
        int warm = (int) Math.round(rate * warmSeconds);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + 50_000_000L;
        long periodNanos = (long) (1e9 / rate);
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Api-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
            workers.execute(() -> {
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 201 && index >= warm) {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    if (index >= warm) {
                        errors.incrementAndGet();
                    }
                }
                long done = System.nanoTime();
                latencies[index] = done - due;
                lastDone.accumulateAndGet(done, Math::max);
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        long[] counted = Arrays.stream(latencies, warm, total).filter(l -> l >= 0).sorted().toArray();
        double achieved = counted.length / ((lastDone.get() - (start + warm * periodNanos)) / 1e9);
        System.out.printf(Locale.ROOT, "RATE sent=%d ok=%d errors=%d achieved=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f%n",
                total - warm, counted.length - errors.get(), errors.get(), achieved, millis(counted, 50), millis(counted, 90),
                millis(counted, 99), millis(counted, 99.9), millis(counted, 100));
        System.exit(0);
    }

    private static double millis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
