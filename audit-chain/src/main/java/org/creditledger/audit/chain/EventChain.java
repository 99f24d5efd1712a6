package org.creditledger.audit.chain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The hash chain over all events (防篡改哈希链) as stored in {@code event_chain}, and the event hash written as SQL, so
 * PostgreSQL hashes the rows where they lie instead of shipping every payload to the JVM. The algorithm is defined
 * once, in docs/audit-chain.md §1; {@link VerifyDisputePackage.StoredEvent#canonical()} is the same encoding in Java,
 * and a test holds the two equal byte for byte.
 */
@Component
public class EventChain {

    /** The event hash (docs/audit-chain.md §1) of the {@code domain_event_entry} row aliased {@code e}, as SQL. */
    public static final String EVENT_HASH = "sha256(" + String.join(" || ",
            text("e.global_index::text"), text("e.event_identifier"), text("e.aggregate_identifier"),
            text("e.sequence_number::text"), text("e.type"), text("e.payload_type"), text("e.payload_revision"),
            text("e.time_stamp"), bytes("e.payload"), bytes("e.meta_data")) + ")";

    /**
     * PostgreSQL advisory lock key of whoever appends to {@code event_chain} (ASCII "LEDGCHAN"); the chainer takes it
     * per transaction with {@code pg_try_advisory_xact_lock}.
     */
    public static final long LOCK_KEY = 0x4C454447_4348414EL;

    static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    EventChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String text(String column) {
        return bytes("convert_to(" + column + ", 'UTF8')");
    }

    private static String bytes(String value) {
        return "coalesce(int4send(length(" + value + ")) || " + value + ", int4send(-1))";
    }

    /**
     * The last position of the chain: its global index and link ({@code 0} and 32 zero bytes before the first
     * event). The last position always holds an event: skipped indexes are only written below a chained event.
     */
    record Tail(long globalIndex, byte[] link, Instant chainedAt) {

        public String digest() {
            return HEX.formatHex(link);
        }
    }

    Tail tail() {
        return jdbc.sql("select global_index, link, chained_at from event_chain order by global_index desc limit 1")
                .query((rs, n) -> new Tail(rs.getLong(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional()
                .orElse(new Tail(0, VerifyDisputePackage.GENESIS, null));
    }

    /** Events stored above the chain's tail: not chained yet. */
    long eventsAfter(long globalIndex) {
        return jdbc.sql("select count(*) from domain_event_entry where global_index > ?").param(globalIndex)
                .query(Long.class).single();
    }

    boolean hasEventAt(long globalIndex) {
        return jdbc.sql("select exists (select 1 from domain_event_entry where global_index = ?)").param(globalIndex)
                .query(Boolean.class).single();
    }

    /** The highest global index stored, or 0 for an empty event store. */
    long head() {
        return jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
    }
}
