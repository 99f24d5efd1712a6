package org.creditledger.audit.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Offline verifier of a credit-ledger dispute package (争议举证包). JDK 17+ only, no other dependency, one file:
 * <pre>
 *   java VerifyDisputePackage.java dispute-package.zip [GLOBAL_INDEX:DIGEST_HEX]
 * </pre>
 * Exit 0 with a summary when every event's hash and link recompute and the chain segment reaches the package's
 * digest; exit 1 naming the first bad event otherwise; exit 2 when the package cannot be read or the arguments are
 * wrong. The optional anchor is a digest obtained independently of the package (the ledger's
 * {@code GET /api/v1/audit/digest} at some time, or a published one): the recomputed chain must pass through it.
 *
 * <p>The hash and link algorithm is defined in docs/audit-chain.md §1 in the ledger's repository (summarised in the
 * package's README.txt); this class is its reference implementation in Java, and the ledger's tests check that the SQL
 * the ledger computes it with gives the same bytes.
 *
 * <p>This file must compile and run alone with the JDK: its module (dispute-verifier) has no dependency, and a test
 * compiles this file by itself with an empty class path.
 */
public final class VerifyDisputePackage {

    /** The link before the first event of the ledger. */
    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private VerifyDisputePackage() {
    }

    /** One event as stored in {@code domain_event_entry}; {@code payload} and {@code metaData} are the stored bytes. */
    public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                              String type, String payloadType, String payloadRevision, String timeStamp,
                              byte[] payload, byte[] metaData) {

        /** The canonical byte encoding the event hash is taken over. */
        public byte[] canonical() {
            List<byte[]> fields = Arrays.asList(ascii(globalIndex), utf8(eventIdentifier), utf8(aggregateIdentifier),
                    ascii(sequenceNumber), utf8(type), utf8(payloadType), utf8(payloadRevision), utf8(timeStamp),
                    payload, metaData);
            ByteBuffer out = ByteBuffer.allocate(fields.stream().mapToInt(f -> 4 + (f == null ? 0 : f.length)).sum());
            for (byte[] field : fields) {
                out.putInt(field == null ? -1 : field.length);
                if (field != null) {
                    out.put(field);
                }
            }
            return out.array();
        }

        public byte[] hash() {
            return sha256(canonical());
        }

        private static byte[] ascii(long number) {
            return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] utf8(String text) {
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** SHA-256(previous link || event hash). */
    public static byte[] link(byte[] previousLink, byte[] eventHash) {
        byte[] both = Arrays.copyOf(previousLink, 64);
        System.arraycopy(eventHash, 0, both, 32, 32);
        return sha256(both);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A verification that failed; the message names the first bad event. */
    static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java VerifyDisputePackage.java dispute-package.zip [GLOBAL_INDEX:DIGEST_HEX]");
            System.exit(2);
        }
        try (ZipFile zip = new ZipFile(Path.of(args[0]).toFile())) {
            Anchor anchor = args.length == 2 ? Anchor.parse(args[1]) : null;
            System.out.println(verify(zip, anchor));
            System.exit(0);
        } catch (Broken e) {
            System.out.println("NOT VERIFIED: " + e.getMessage());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read the package: " + e);
            System.exit(2);
        }
    }

    record Anchor(long globalIndex, byte[] digest) {
        static Anchor parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 2 || parts[1].length() != 64) {
                throw new IllegalArgumentException("the anchor must be GLOBAL_INDEX:DIGEST_HEX (64 hex digits), not " + text);
            }
            return new Anchor(Long.parseLong(parts[0]), HEX.parseHex(parts[1]));
        }
    }

    record PackagedEvent(StoredEvent event, byte[] recordedHash, byte[] prevLink, byte[] link) {
    }

    static String verify(ZipFile zip, Anchor anchor) throws IOException, Broken {
        Map<String, Object> digest = object(Json.parse(text(zip, "digest.json")));
        long lastGlobalIndex = number(digest, "lastGlobalIndex");
        byte[] expectedDigest = HEX.parseHex((String) digest.get("digest"));
        List<PackagedEvent> events = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(text(zip, "events.json"))) {
            events.add(packaged(object(item)));
        }

        // 1. Every event on its own: its content hashes to the recorded hash, and prevLink + hash give its link.
        long previousIndex = 0;
        for (PackagedEvent p : events) {
            long index = p.event().globalIndex();
            if (index <= previousIndex) {
                throw new Broken("event at global index " + index + ": events.json is not in ascending global index order");
            }
            previousIndex = index;
            if (!Arrays.equals(p.event().hash(), p.recordedHash())) {
                throw new Broken("event at global index " + index + ": its stored fields do not hash to the event hash "
                        + "the ledger chained (payload, metadata or another field was changed)");
            }
            if (!Arrays.equals(link(p.prevLink(), p.recordedHash()), p.link())) {
                throw new Broken("event at global index " + index + ": prevLink + event hash do not give its link");
            }
        }

        // 2. The chain segment from the first event to the digest: every link recomputes and ends at the digest.
        long segmentEvents = 0;
        boolean anchorChecked = false;
        if (!events.isEmpty()) {
            byte[] running = events.get(0).prevLink();
            int next = 0;
            long lastIndex = events.get(0).event().globalIndex() - 1;
            try (BufferedReader chain = reader(zip, "chain.csv")) {
                String line = chain.readLine(); // header
                while ((line = chain.readLine()) != null && !line.isEmpty()) {
                    String[] cells = line.split(",");
                    long index = Long.parseLong(cells[0]);
                    byte[] hash = HEX.parseHex(cells[1]);
                    if (index <= lastIndex) {
                        throw new Broken("chain.csv is not in ascending global index order at " + index);
                    }
                    if (anchor != null && !anchorChecked && index > anchor.globalIndex()) {
                        checkAnchor(anchor, running, lastIndex, index - 1);
                        anchorChecked = true;
                    }
                    if (next < events.size() && events.get(next).event().globalIndex() < index) {
                        throw new Broken("event at global index " + events.get(next).event().globalIndex() + " is not in chain.csv");
                    }
                    if (next < events.size() && events.get(next).event().globalIndex() == index) {
                        PackagedEvent p = events.get(next++);
                        if (!Arrays.equals(hash, p.recordedHash()) || !Arrays.equals(running, p.prevLink())) {
                            throw new Broken("event at global index " + index + ": the chain does not lead to it (its prevLink "
                                    + "or its hash in chain.csv differ): it, or an event before it, was changed with its links");
                        }
                    }
                    running = link(running, hash);
                    lastIndex = index;
                    segmentEvents++;
                }
            }
            if (next < events.size()) {
                throw new Broken("event at global index " + events.get(next).event().globalIndex() + " is not in chain.csv");
            }
            if (lastIndex != lastGlobalIndex || !Arrays.equals(running, expectedDigest)) {
                throw new Broken("the chain from the first event (global index " + events.get(0).event().globalIndex()
                        + ") does not end at the package's digest " + HEX.formatHex(expectedDigest) + " at global index "
                        + lastGlobalIndex + " (it ends at " + lastIndex + " with " + HEX.formatHex(running) + ")");
            }
        }
        if (anchor != null && !anchorChecked) {
            checkAnchor(anchor, expectedDigest, lastGlobalIndex, lastGlobalIndex);
        }

        StringBuilder summary = new StringBuilder();
        summary.append("VERIFIED: ").append(events.size()).append(" event(s) of subject ").append(digest.get("subjectCode"))
                .append(" hash to their links, and the chain through them (").append(segmentEvents)
                .append(" ledger events) recomputes to the package's digest\n  ")
                .append(HEX.formatHex(expectedDigest)).append(" at global index ").append(lastGlobalIndex)
                .append(" (exported at ").append(digest.get("exportedAt")).append(").\n");
        summary.append(anchor == null
                ? "  No anchor given: compare this digest with one you obtained from the ledger or a publication yourself,\n"
                  + "  or pass it as GLOBAL_INDEX:DIGEST_HEX. Without that, this proves consistency, not origin.\n"
                : "  The chain passes through the anchor " + anchor.globalIndex() + ":" + HEX.formatHex(anchor.digest()) + ".\n");
        for (PackagedEvent p : events) {
            StoredEvent e = p.event();
            summary.append(String.format("  #%d %s %s %s/%d%n", e.globalIndex(), e.timeStamp(), e.payloadType(),
                    e.aggregateIdentifier(), e.sequenceNumber()));
        }
        return summary.toString();
    }

    /** {@code link} is the chain's link at every global index from {@code from} to {@code to} (no event between). */
    private static void checkAnchor(Anchor anchor, byte[] link, long from, long to) throws Broken {
        if (anchor.globalIndex() < from) {
            throw new Broken("the anchor's global index " + anchor.globalIndex() + " lies before this package's chain "
                    + "segment (it starts after global index " + from + "): it cannot be checked offline");
        }
        if (anchor.globalIndex() > to) {
            throw new Broken("the anchor's global index " + anchor.globalIndex() + " lies beyond this package's digest");
        }
        if (!Arrays.equals(anchor.digest(), link)) {
            throw new Broken("the chain does not pass through the anchor " + anchor.globalIndex() + ":"
                    + HEX.formatHex(anchor.digest()) + " (it has " + HEX.formatHex(link) + " there): "
                    + "the package's events or digest differ from the ledger's");
        }
    }

    private static PackagedEvent packaged(Map<String, Object> e) {
        StoredEvent event = new StoredEvent(number(e, "globalIndex"), (String) e.get("eventIdentifier"),
                (String) e.get("aggregateIdentifier"), number(e, "sequenceNumber"), (String) e.get("type"),
                (String) e.get("payloadType"), (String) e.get("payloadRevision"), (String) e.get("timeStamp"),
                base64(e.get("payloadBase64")), base64(e.get("metaDataBase64")));
        return new PackagedEvent(event, HEX.parseHex((String) e.get("eventHash")), HEX.parseHex((String) e.get("prevLink")),
                HEX.parseHex((String) e.get("link")));
    }

    private static byte[] base64(Object value) {
        return value == null ? null : Base64.getDecoder().decode((String) value);
    }

    private static long number(Map<String, Object> object, String field) {
        return ((BigDecimal) object.get(field)).longValueExact();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static BufferedReader reader(ZipFile zip, String name) throws IOException {
        return new BufferedReader(new InputStreamReader(entry(zip, name), StandardCharsets.UTF_8));
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = entry(zip, name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(name + " is missing from the package");
        }
        return zip.getInputStream(entry);
    }

    /** Just enough JSON: objects, arrays, strings, numbers (as BigDecimal), true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return object;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != '}') {
                    throw error("expected , or }");
                }
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != ']') {
                    throw error("expected , or ]");
                }
                return array;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (s.startsWith(literal, i)) {
                    i += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character");
            }
            return new BigDecimal(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw error("expected " + c);
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at offset " + i);
        }
    }
}
