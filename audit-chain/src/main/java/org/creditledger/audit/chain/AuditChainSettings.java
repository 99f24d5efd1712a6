package org.creditledger.audit.chain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the tamper-evident chain ({@code ledger.audit.chain.*}, docs/audit-chain.md §5). The chain's wait for
 * itself has its own key, {@code catch-up-timeout}, with the default of {@code ledger.read.catch-up-timeout} it used to
 * read: the chain is not a read model, and this module reads no read-model settings.
 *
 * @param interval       how often the chainer looks for new events; it is also woken right after this JVM commits
 *                       events. It is also the least time a missing global index is watched before the snapshot rule
 *                       may settle it
 * @param gapTimeout     after this long a missing global index is skipped even if the snapshot rule could not settle
 *                       it (the default equals the event store's gap timeout)
 * @param batchSize      events chained per transaction at most
 * @param catchUpTimeout how long {@code GET /api/v1/audit/digest} and a dispute package wait for the chain to reach
 *                       the newest stored events
 * @param linger         a pass woken by this JVM's commit runs this much later, so the events committed meanwhile are
 *                       chained in the same transaction (under a steady trickle of counter checks, one pass per check
 *                       before); a reader waiting for the chain does not wait for it
 */
@Validated
@ConfigurationProperties("ledger.audit.chain")
record AuditChainSettings(@DefaultValue("200ms") @NotNull Duration interval,
                          @DefaultValue("60s") @NotNull Duration gapTimeout,
                          @DefaultValue("10000") @Min(1) int batchSize,
                          @DefaultValue("2s") @NotNull Duration catchUpTimeout,
                          @DefaultValue("50ms") @NotNull Duration linger) {
}
