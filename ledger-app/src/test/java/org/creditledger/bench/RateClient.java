package org.creditledger.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: a constant-rate (open model) load generator for {@code POST /api/v1/checks}, the part of wrk2 / {@code hey -q}
 * the check benchmark needs, which Debian does not package. Run as its own process by {@link CheckBenchmark}, so its
 * CPU and memory are not the ledger's; but it shares the machine's two cores with the ledger, so it is kept light:
 * each worker owns one keep-alive connection and writes and reads HTTP/1.1 on it itself (the JDK's {@code HttpClient}
 * cost about 1.2 ms of CPU per request here, as much as the ledger's request threads).
 *
 * <p>Request {@code i} is due at {@code start + i / rate}; worker {@code w} of {@code W} sends requests {@code w, w + W,
 * …}, each when it is due or, if the worker is still busy with the one before, as soon as it is free. Latency is
 * counted from when a request was due, not from when it went out, so a server that stalls is charged for every
 * request that should have gone out meanwhile (no coordinated omission). The first {@code warmSeconds} are sent but
 * not counted.
 *
 * <p>Arguments: url, API key, file of JSON bodies (one a line), rate per second, seconds, warm-up seconds. Prints one
 * line: {@code RATE sent=… ok=… errors=… p50=… p90=… p99=… p999=… max=…} (milliseconds).
 */
public final class RateClient {

    private static final int WORKERS = 32;

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
        long start = System.nanoTime() + 50_000_000L;
        long periodNanos = (long) (1e9 / rate);
        byte[][] requests = bodies.stream().map(body -> request(uri, key, body)).toArray(byte[][]::new);
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            int first = w;
            workers[w] = new Thread(() -> {
                Connection connection = null;
                for (int i = first; i < total; i += WORKERS) {
                    long due = start + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    int status;
                    try {
                        if (connection == null) {
                            connection = new Connection(uri);
                        }
                        status = connection.exchange(requests[i % requests.length]);
                        if (connection.closed) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        status = -1;
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                    }
                    long done = System.nanoTime();
                    if (status != 201 && i >= warm) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = done - due;
                    lastDone.accumulateAndGet(done, Math::max);
                }
                if (connection != null) {
                    connection.close();
                }
            }, "rate-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] counted = Arrays.stream(latencies, warm, total).filter(l -> l >= 0).sorted().toArray();
        double achieved = counted.length / ((lastDone.get() - (start + warm * periodNanos)) / 1e9);
        System.out.printf(Locale.ROOT, "RATE sent=%d ok=%d errors=%d achieved=%.1f p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f%n",
                total - warm, counted.length - errors.get(), errors.get(), achieved, millis(counted, 50), millis(counted, 90),
                millis(counted, 99), millis(counted, 99.9), millis(counted, 100));
        System.exit(0);
    }

    private static byte[] request(URI uri, String key, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nX-Api-Key: " + key + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(headBytes, headBytes.length + json.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    /** One keep-alive HTTP/1.1 connection: writes a request, reads the whole answer (Content-Length or chunked). */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closed;

        Connection(URI uri) throws IOException {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                closed = true; // answered in full; the next request needs a new connection (Tomcat's keep-alive limit)
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket that failed: nothing left to do
            }
        }
    }

    private static double millis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
