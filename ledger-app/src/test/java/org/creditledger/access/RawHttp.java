package org.creditledger.access;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte for byte, as an attacker would send it: no client library normalises, encodes or rejects the
 * request line first. The connection closes after one answer, unless several are asked for on one connection.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }

    private RawHttp() {
    }

    public static Answer send(int port, String method, String target, String apiKey) {
        return send(InetAddress.getLoopbackAddress(), port, method + " " + target + " HTTP/1.1\r\n"
                + (apiKey == null ? "" : "X-Api-Key: " + apiKey + "\r\n")
                + (method.equals("POST") ? "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}" : "\r\n"));
    }

    /** Sends {@code requestAfterHost} (request line and headers but Host) from the local address {@code from}. */
    public static Answer send(InetAddress from, int port, String requestAfterHost) {
        int lineEnd = requestAfterHost.indexOf("\r\n");
        String request = requestAfterHost.substring(0, lineEnd + 2) + "Host: localhost\r\nConnection: close\r\n"
                + requestAfterHost.substring(lineEnd + 2);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(60_000); // a guard against a hang, not a speed limit: the first /v3/api-docs is built on demand
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(reader(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code target} as a GET {@code times} times, one after the other on one kept-alive connection. */
    public static List<Answer> getOnOneConnection(int port, String target, int times) {
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(60_000); // a guard against a hang, not a speed limit
            OutputStream out = socket.getOutputStream();
            DataInputStream in = reader(socket.getInputStream());
            List<Answer> answers = new ArrayList<>(times);
            for (int i = 0; i < times; i++) {
                out.write(request);
                out.flush();
                answers.add(parse(in));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream reader(InputStream raw) {
        return new DataInputStream(new BufferedInputStream(raw));
    }

    /** Reads one answer by its own framing (length or chunks), so a server that keeps the connection open is fine. */
    private static Answer parse(DataInputStream in) throws IOException {
        String[] status = line(in).split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            String trailer;
            do { // trailers, up to the blank line that ends the answer: the next answer starts after it
                trailer = line(in);
            } while (!trailer.isEmpty());
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            in.transferTo(body);
        }
        return new Answer(Integer.parseInt(status[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
