package org.creditledger.audit.chain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.TextNode;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.creditledger.platform.i18n.Text;

/**
 * Writes a dispute package (争议举证包): one zip an inspector hands to a subject, a court or another office, which
 * proves offline that the subject's events are exactly what the ledger stored and chained. Contents:
 * <ul>
 *   <li>{@code README.txt}: what the package proves and how to check it;</li>
 *   <li>{@code digest.json}: the chain's digest when the package was written ({@code lastGlobalIndex},
 *       {@code digest}, {@code exportedAt}, {@code subjectCode});</li>
 *   <li>{@code events.json}: the subject's events exactly as stored (every hashed column; payload and metadata as
 *       base64 of the stored bytes), each with its event hash, the link before it and its link;</li>
 *   <li>{@code chain.csv}: {@code globalIndex,eventHash} of every chained event from the subject's first event to the
 *       digest, so the verifier can recompute every link from the first event to the digest (32 bytes per ledger
 *       event in that range);</li>
 *   <li>{@code events-readable.json}: the same events decoded for reading (not used by the verifier);</li>
 *   <li>{@code VerifyDisputePackage.java}: the verifier, {@code java VerifyDisputePackage.java package.zip}.</li>
 * </ul>
 */
@Component
public class DisputePackageWriter {

    /** Identifies this layout in {@code digest.json}. */
    static final String FORMAT = "credit-ledger-dispute-package/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final EventChain chain;
    private final EventChainer chainer;
    private final JdbcTemplate streaming;
    private final JdbcTemplate eventRows;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    DisputePackageWriter(EventChain chain, EventChainer chainer, DataSource dataSource,
                         PlatformTransactionManager transactionManager, Clock clock) {
        this.chain = chain;
        this.chainer = chainer;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.eventRows = new JdbcTemplate(dataSource);
        this.eventRows.setFetchSize(200);   // rows carry payloads: a small window keeps memory flat
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    record Digest(String format, String subjectCode, long lastGlobalIndex, String digest, String exportedAt) {
    }

    record PackagedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                         String type, String payloadType, String payloadRevision, String timeStamp,
                         String payloadBase64, String metaDataBase64, String eventHash, String prevLink, String link) {
    }

    record ReadableEvent(long globalIndex, String timeStamp, String payloadType, String aggregateIdentifier,
                         long sequenceNumber, JsonNode payload, JsonNode metaData) {
    }

    /**
     * Writes the package of {@code subjectCode} holding the events at {@code globalIndexes} (the caller chooses which
     * events concern the subject) to {@code out}, which stays open. Waits briefly for the chain to reach the newest of
     * them.
     *
     * @throws EventsNotYetChained when the chain has not reached them in time (retry shortly)
     * @throws IllegalArgumentException when no event is stored at one of the indexes
     */
    public void write(OutputStream out, String subjectCode, Collection<Long> globalIndexes) throws IOException {
        Long[] indexes = globalIndexes.stream().distinct().sorted().toArray(Long[]::new);
        if (indexes.length > 0 && chainer.awaitChained(indexes[indexes.length - 1]).globalIndex() < indexes[indexes.length - 1]) {
            throw new EventsNotYetChained(indexes[indexes.length - 1]);
        }
        try {
            snapshot.executeWithoutResult(status -> {
                try {
                    writeZip(out, subjectCode, indexes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void writeZip(OutputStream out, String subjectCode, Long[] indexes) throws IOException {
        EventChain.Tail tail = chain.tail();
        requireStored(indexes);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Digest digest = new Digest(FORMAT, subjectCode, tail.globalIndex(), tail.digest(), clock.instant().toString());
        entry(zip, "README.txt", readme(digest, indexes.length).getBytes(StandardCharsets.UTF_8));
        entry(zip, "digest.json", JSON.writeValueAsBytes(digest));
        zip.putNextEntry(new ZipEntry("events.json"));
        writeEvents(zip, indexes, event -> event);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("events-readable.json"));
        writeEvents(zip, indexes, DisputePackageWriter::readable);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("chain.csv"));
        Writer csv = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.US_ASCII));
        csv.write("globalIndex,eventHash\n");
        if (indexes.length > 0) {
            streaming.query("select global_index, event_hash from event_chain where global_index between ? and ?"
                            + " and event_hash is not null order by global_index",
                    (RowCallbackHandler) rs -> {
                        try {
                            csv.write(rs.getLong(1) + "," + EventChain.HEX.formatHex(rs.getBytes(2)) + "\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, indexes[0], tail.globalIndex());
        }
        csv.flush();
        zip.closeEntry();
        // the dispute-verifier jar carries its own source next to its class
        try (InputStream verifier = VerifyDisputePackage.class.getResourceAsStream("VerifyDisputePackage.java")) {
            if (verifier == null) {
                throw new IllegalStateException("VerifyDisputePackage.java is missing from the dispute-verifier jar");
            }
            entry(zip, "VerifyDisputePackage.java", verifier.readAllBytes());
        }
        zip.finish();
    }

    /** @throws IllegalArgumentException naming the first indexes at which no chained event is stored */
    private void requireStored(Long[] indexes) {
        List<Long> missing = streaming.queryForList("""
                        select i from unnest(cast(? as bigint[])) as i
                        where not exists (select 1 from domain_event_entry e join event_chain c on c.global_index = e.global_index
                                          where e.global_index = i)
                        order by i limit 20""", Long.class, (Object) indexes);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No chained event is stored at global index " + missing);
        }
    }

    /**
     * Writes the events at {@code indexes} as one JSON array, each as {@code shown} maps it, row by row from a cursor:
     * neither the events nor the array's text are ever held whole.
     */
    private void writeEvents(OutputStream zip, Long[] indexes, Function<PackagedEvent, Object> shown) throws IOException {
        JsonGenerator json = JSON.createGenerator(zip);   // AUTO_CLOSE_TARGET is off: closing it leaves the zip open
        json.writeStartArray();
        long[] written = {0};
        eventRows.query("""
                        select e.*, c.event_hash, c.link,
                               (select p.link from event_chain p where p.global_index < e.global_index
                                order by p.global_index desc limit 1) as prev_link
                        from domain_event_entry e join event_chain c on c.global_index = e.global_index
                        where e.global_index = any (?) order by e.global_index""",
                (RowCallbackHandler) rs -> {
                    byte[] prev = rs.getBytes("prev_link");
                    byte[] metaData = rs.getBytes("meta_data");
                    PackagedEvent event = new PackagedEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                            BASE64.encodeToString(rs.getBytes("payload")), metaData == null ? null : BASE64.encodeToString(metaData),
                            EventChain.HEX.formatHex(rs.getBytes("event_hash")),
                            EventChain.HEX.formatHex(prev == null ? VerifyDisputePackage.GENESIS : prev),
                            EventChain.HEX.formatHex(rs.getBytes("link")));
                    try {
                        JSON.writeValue(json, shown.apply(event));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                }, (Object) indexes);
        json.writeEndArray();
        json.close();
        if (written[0] != indexes.length) {
            throw new IllegalStateException("Packaged " + written[0] + " events instead of " + indexes.length);
        }
    }

    private static ReadableEvent readable(PackagedEvent e) {
        return new ReadableEvent(e.globalIndex(), e.timeStamp(), e.payloadType(), e.aggregateIdentifier(), e.sequenceNumber(),
                decoded(e.payloadBase64()), decoded(e.metaDataBase64()));
    }

    private static JsonNode decoded(String base64) {
        if (base64 == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(base64);
        try {
            return JSON.readTree(bytes);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String readme(Digest digest, int events) {
        return """
                Credit ledger dispute package (%s)
                Subject: %s; events: %d; exported at %s.
                Ledger digest at export: %s at global index %d.

                HOW TO CHECK IT (Java 17 or later, nothing else):
                    java VerifyDisputePackage.java <this file>.zip
                    java VerifyDisputePackage.java <this file>.zip GLOBAL_INDEX:DIGEST
                The verifier prints VERIFIED and exits with 0 when every event's stored fields hash to the event hash
                the ledger chained, every link recomputes, and the chain from the subject's first event through
                chain.csv ends exactly at the digest above; otherwise it prints NOT VERIFIED naming the first bad
                event and exits with 1.

                WHAT IT PROVES, AND WHAT IT DOES NOT:
                - Offline, it proves that the package is consistent: these exact event bytes are links of a hash chain
                  that ends at the digest in digest.json. Anyone who changes an event must also recompute every link
                  after it and the digest.
                - It cannot prove on its own that digest.json is the ledger's. Compare the digest with one obtained
                  independently: from the ledger (GET /api/v1/audit/digest, or POST /api/v1/audit/verify with
                  {"lastGlobalIndex": ..., "digest": ...} as anchor, which recomputes the whole chain from the stored
                  events), or from a digest published or recorded earlier. Give such a digest to the verifier as
                  GLOBAL_INDEX:DIGEST (its index must lie between the subject's first event and the digest above).

                FILES:
                  digest.json           the ledger's digest when this package was written
                  events.json           the subject's events exactly as stored: every hashed column, payload and
                                        metaData as base64 of the stored bytes, eventHash, prevLink and link (hex)
                  chain.csv             globalIndex,eventHash of every ledger event from the subject's first event to
                                        the digest (other subjects' events appear only as hashes)
                  events-readable.json  the same events with payload and metadata decoded, for reading only
                  VerifyDisputePackage.java  the verifier (source, JDK only)

                THE ALGORITHM, in short (defined in full in docs/audit-chain.md of the ledger's source; the
                verifier above is a runnable statement of it):
                  eventHash = SHA-256 of the fields globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber,
                              type, payloadType, payloadRevision, timeStamp, payload, metaData in this order, each
                              as a 4-byte big-endian length and its bytes (texts UTF-8, numbers as decimal ASCII,
                              payload and metaData the stored bytes; null = length -1 and no bytes)
                  link      = SHA-256(previous link || eventHash); the link before the ledger's first event is 32 zero
                              bytes; global indexes at which no event was ever committed are skipped.
                """.formatted(FORMAT, digest.subjectCode(), events, digest.exportedAt(), digest.digest(), digest.lastGlobalIndex());
    }

    /** The chain has not reached the events to export yet (a gap below them is being settled); retry shortly. */
    public static class EventsNotYetChained extends LedgerProblem {
        EventsNotYetChained(long globalIndex) {
            super(ProblemType.CONFLICT, Text.of("chain.not-yet-chained", globalIndex));
        }
    }
}
