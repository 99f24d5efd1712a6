package org.creditledger.quota.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.creditledger.unit.api.UnitId;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts, per unit and day, the commitment letters (信用承诺书) posted and the fulfilment records (履约践诺信息:
 * 履约 or 违约) recorded ({@code quota_day}), for the yearly quotas of seed 000 (广元 2025 重点工作清单).
 * The day is the ledger record time (the event's timestamp) as an Asia/Shanghai date, never the date a letter says
 * it was signed: nothing can be back-dated into an earlier period. Overdue markers do not count. A letter or outcome posted by
 * an import row counts at the upload's acceptance time ({@link LedgerMetadata#ACCEPTED_AT}), not when the worker
 * reached the row: a file accepted at 23:59 on 31 March counts in the first quarter. Records are also split by their
 * outcome (履约 / 违约); a correction moves a record from one to the other on the day it was first counted, so the
 * number of records never changes through a correction.
 *
 * <p>The counts are {@code +1} updates, not idempotent by themselves: they rely on Axon committing the update and
 * the processor's token in one transaction, so an event is counted exactly once.
 */
@Component
@ProcessingGroup(QuotaProjection.PROCESSING_GROUP)
public class QuotaProjection {

    public static final String PROCESSING_GROUP = "quota";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection quotaTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "quota_day");
    }
    /** Business dates are Asia/Shanghai calendar dates. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    QuotaProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentPostedEvent event, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetadata.ACCEPTED_AT) String acceptedAt) {
        count(event.unitId(), countedAt(recordedAt, acceptedAt), 1, 0, 0, 0);
    }

    @EventHandler
    void on(CommitmentFulfilledEvent event, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetadata.ACCEPTED_AT) String acceptedAt) {
        count(event.unitId(), countedAt(recordedAt, acceptedAt), 0, 1, 1, 0);
    }

    @EventHandler
    void on(CommitmentBreachedEvent event, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetadata.ACCEPTED_AT) String acceptedAt) {
        count(event.unitId(), countedAt(recordedAt, acceptedAt), 0, 1, 0, 1);
    }

    /**
     * Moves the record between 履约 and 违约 on the day the first outcome was recorded (for an imported outcome that
     * is its record time, not its upload's acceptance: the rare correction of an outcome imported across a period's
     * end moves it in the later period).
     */
    @EventHandler
    void on(CommitmentOutcomeCorrectedEvent event, @Timestamp Instant recordedAt) {
        Instant firstCounted = event.outcomeRecordedAt() != null ? event.outcomeRecordedAt() : recordedAt;
        int toBreached = event.outcome() == Outcome.BREACHED ? 1 : -1;
        count(event.unitId(), firstCounted, 0, 0, -toBreached, toBreached);
    }

    /** The upload's acceptance time for an import row, else the record time. */
    static Instant countedAt(Instant recordedAt, String acceptedAt) {
        return acceptedAt == null ? recordedAt : Instant.parse(acceptedAt);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from quota_day").update();
    }

    private void count(UnitId unitId, Instant countedAt, int letters, int records, int fulfilled, int breached) {
        jdbc.sql("""
                        insert into quota_day (unit_id, day, letters, records, fulfilled, breached)
                        values (:unit, :day, :letters, :records, :fulfilled, :breached)
                        on conflict (unit_id, day) do update
                        set letters = quota_day.letters + excluded.letters, records = quota_day.records + excluded.records,
                            fulfilled = quota_day.fulfilled + excluded.fulfilled, breached = quota_day.breached + excluded.breached""")
                .param("unit", unitId.value())
                .param("day", LocalDate.ofInstant(countedAt, BUSINESS_ZONE))
                .param("letters", letters)
                .param("records", records)
                .param("fulfilled", fulfilled)
                .param("breached", breached)
                .update();
    }
}
