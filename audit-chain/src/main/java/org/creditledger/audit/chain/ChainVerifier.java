package org.creditledger.audit.chain;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.creditledger.platform.i18n.Text;

/**
 * Recomputes the chain from {@code domain_event_entry} and compares it with {@code event_chain}, position by
 * position in global-index order, stopping at the first break. Reads run in one repeatable-read transaction, so the
 * chainer appending meanwhile does not matter.
 */
@Component
class ChainVerifier {

    /** Why the chain breaks at {@code firstBrokenGlobalIndex}. */
    enum Reason {
        /** The event row at that index no longer hashes to the hash that was chained: a hashed column was changed. */
        MODIFIED,
        /** The chain has a link for that index but the event row is gone (or the chain's own row was deleted). */
        MISSING,
        /** An event row lies at an index the chain recorded as never committed, or has no chain row at all. */
        UNCHAINED,
        /** The event matches its chained hash, but the stored link is not the recomputed one: the chain was edited. */
        CHAIN_ALTERED,
        /** Events and chain agree with each other, but the recomputed chain does not pass through the given anchor. */
        ANCHOR_MISMATCH
    }

    /** A digest obtained earlier ({@code GET /api/v1/audit/digest}): the recomputed chain must pass through it. */
    record Anchor(long lastGlobalIndex, byte[] digest) {
    }

    /**
     * {@code checkedEvents}: events found intact before the position where the check stopped (all chained events
     * when {@code ok}); {@code lastGlobalIndex}: the chain's tail the check ran to; {@code digest}: the recomputed
     * digest, only when {@code ok}; {@code unchainedEvents}: events stored beyond the tail, not checked.
     */
    record ChainVerification(boolean ok, long checkedEvents, Long firstBrokenGlobalIndex, Reason reason,
                             @Schema(type = "string") Text detail,
                             long lastGlobalIndex, String digest, long unchainedEvents) {
    }

    private final EventChain chain;
    private final JdbcTemplate streaming;
    private final TransactionTemplate snapshot;

    ChainVerifier(EventChain chain, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.chain = chain;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    ChainVerification verify(Anchor anchor) {
        return snapshot.execute(status -> {
            EventChain.Tail tail = chain.tail();
            long unchained = chain.eventsAfter(tail.globalIndex());
            Walk walk = streaming.query("select c.global_index, c.event_hash, c.link, e.global_index is not null, "
                            + EventChain.EVENT_HASH + " from event_chain c"
                            + " left join domain_event_entry e on e.global_index = c.global_index"
                            + " where c.global_index <= ? order by c.global_index",
                    (ResultSetExtractor<Walk>) rs -> walk(rs, anchor), tail.globalIndex());
            if (walk.reason() == null && anchor != null && anchor.lastGlobalIndex() > tail.globalIndex()) {
                walk = walk.broken(null, Reason.ANCHOR_MISMATCH, Text.of("chain.verify.ends-before-anchor", tail.globalIndex(),
                        anchor.lastGlobalIndex()));
            }
            boolean ok = walk.reason() == null;
            return new ChainVerification(ok, walk.checked(), walk.brokenAt(), walk.reason(), walk.detail(), tail.globalIndex(),
                    ok ? EventChain.HEX.formatHex(walk.link()) : null, unchained);
        });
    }

    /** Where the walk stopped: {@code reason} null when every position matched. */
    private record Walk(long checked, byte[] link, Long brokenAt, Reason reason, Text detail) {
        Walk broken(Long at, Reason why, Text what) {
            return new Walk(checked, link, at, why, what);
        }
    }

    private Walk walk(ResultSet rs, Anchor anchor) throws SQLException {
        long expected = 1;
        long checked = 0;
        byte[] link = VerifyDisputePackage.GENESIS;
        if (anchor != null && anchor.lastGlobalIndex() == 0 && !Arrays.equals(anchor.digest(), link)) {
            return new Walk(0, link, null, Reason.ANCHOR_MISMATCH, Text.of("chain.verify.genesis"));
        }
        while (rs.next()) {
            long index = rs.getLong(1);
            byte[] chainedHash = rs.getBytes(2);
            byte[] storedLink = rs.getBytes(3);
            boolean eventPresent = rs.getBoolean(4);
            byte[] actualHash = rs.getBytes(5);
            Walk here = new Walk(checked, link, null, null, null);
            if (index != expected) {
                return chain.hasEventAt(expected)
                        ? here.broken(expected, Reason.UNCHAINED, Text.of("chain.verify.no-position", expected))
                        : here.broken(expected, Reason.MISSING, Text.of("chain.verify.position-deleted", expected));
            }
            if (chainedHash == null) {
                if (eventPresent) {
                    return here.broken(index, Reason.UNCHAINED, Text.of("chain.verify.never-committed", index));
                }
            } else {
                if (!eventPresent) {
                    return here.broken(index, Reason.MISSING, Text.of("chain.verify.event-deleted", index));
                }
                if (!Arrays.equals(actualHash, chainedHash)) {
                    return here.broken(index, Reason.MODIFIED, Text.of("chain.verify.modified", index));
                }
                link = VerifyDisputePackage.link(link, actualHash);
                checked++;
            }
            if (!Arrays.equals(link, storedLink)) {
                return here.broken(index, Reason.CHAIN_ALTERED, Text.of("chain.verify.altered", index));
            }
            if (anchor != null && anchor.lastGlobalIndex() == index && !Arrays.equals(anchor.digest(), link)) {
                return here.broken(null, Reason.ANCHOR_MISMATCH, Text.of("chain.verify.rewritten", index,
                        EventChain.HEX.formatHex(link)));
            }
            expected = index + 1;
        }
        return new Walk(checked, link, null, null, null);
    }
}
