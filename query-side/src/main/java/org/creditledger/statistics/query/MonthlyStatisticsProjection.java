package org.creditledger.statistics.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts the monthly figures of seed 000 (每月信用动态) and seed 003 (月通报季点评) in {@code monthly_count}: per unit
 * the letters posted, fulfilled, breached and become overdue, the joint actions recorded (by measure kind) and the
 * counter checks (by verdict); city-wide the list entries (by colour), exits (by reason), objections filed and upheld
 * (有效异议) and repairs applied and approved. The month is the one of the event's record time (its timestamp) in
 * Asia/Shanghai: what a letter or decision says about its own date never moves a figure into another month, so a
 * month's figures, once the month is over, never change — but for one thing: an outcome correction moves the letter
 * from fulfilled to breached (or back) in the month its outcome was first recorded, so the figures follow the
 * corrected outcome and the number of outcomes in that month stays the same.
 *
 * <p>The counts are {@code +1} upserts, not idempotent by themselves: they rely on Axon committing the update and the
 * processor's token in one transaction, so an event is counted exactly once; a rebuild replays into empty tables.
 */
@Component
@ProcessingGroup(MonthlyStatisticsProjection.PROCESSING_GROUP)
class MonthlyStatisticsProjection {

    static final String PROCESSING_GROUP = "monthly-statistics";
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    /** The unit id under which city-wide figures are kept. */
    static final String CITY = "";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection monthlyStatisticsTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "monthly_count", "monthly_unit", "monthly_list");
    }

    private final JdbcClient jdbc;

    MonthlyStatisticsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        unit(event.unitId().value(), event.name());
    }

    @EventHandler
    void on(UnitChangedEvent event) {
        unit(event.unitId().value(), event.name());
    }

    @EventHandler
    void on(ListDefinedEvent event) {
        list(event.listCode().value(), event.colour());
    }

    @EventHandler
    void on(ListDefinitionChangedEvent event) {
        list(event.listCode().value(), event.colour());
    }

    @EventHandler
    void on(CommitmentPostedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, event.unitId().value(), Metric.LETTERS_POSTED);
    }

    @EventHandler
    void on(CommitmentFulfilledEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, event.unitId().value(), Metric.LETTERS_FULFILLED);
    }

    @EventHandler
    void on(CommitmentBreachedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, event.unitId().value(), Metric.LETTERS_BREACHED);
    }

    @EventHandler
    void on(CommitmentOutcomeCorrectedEvent event, @Timestamp Instant recordedAt) {
        Instant firstRecorded = event.outcomeRecordedAt() != null ? event.outcomeRecordedAt() : recordedAt;
        add(firstRecorded, event.unitId().value(), outcomeMetric(event.previousOutcome()), -1);
        add(firstRecorded, event.unitId().value(), outcomeMetric(event.outcome()), 1);
    }

    private static String outcomeMetric(Outcome outcome) {
        return outcome == Outcome.FULFILLED ? Metric.LETTERS_FULFILLED : Metric.LETTERS_BREACHED;
    }

    @EventHandler
    void on(CommitmentBecameOverdueEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, event.unitId().value(), Metric.LETTERS_OVERDUE);
    }

    @EventHandler
    void on(JointActionRecordedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, event.unitId().value(), Metric.JOINT_ACTIONS + event.measureKind().name());
    }

    /** A check by a COUNTER key bound to no unit is counted under no unit, so it shows in no unit's row. */
    @EventHandler
    void on(SubjectCheckedEvent event, @Timestamp Instant recordedAt) {
        if (event.counterUnit() != null) {
            count(recordedAt, event.counterUnit(), Metric.CHECKS + event.verdict().name());
        }
    }

    /** An entry stored before it carried its list's colour is counted by the colour its list had when replayed. */
    @EventHandler
    void on(SubjectListedEvent event, @Timestamp Instant recordedAt) {
        String colour = event.listColour() != null ? event.listColour().name()
                : jdbc.sql("select colour from monthly_list where list_code = ?").param(event.listCode())
                .query(String.class).optional().orElse(Metric.UNKNOWN);
        count(recordedAt, CITY, Metric.ENTRIES + colour);
    }

    @EventHandler
    void on(SubjectDelistedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, CITY, Metric.EXITS + event.reason().name());
    }

    @EventHandler
    void on(ObjectionFiledEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, CITY, Metric.OBJECTIONS_FILED);
    }

    @EventHandler
    void on(ObjectionUpheldEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, CITY, Metric.OBJECTIONS_UPHELD);
    }

    @EventHandler
    void on(RepairAppliedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, CITY, Metric.REPAIRS_APPLIED);
    }

    @EventHandler
    void on(RepairApprovedEvent event, @Timestamp Instant recordedAt) {
        count(recordedAt, CITY, Metric.REPAIRS_APPROVED);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from monthly_count").update();
        jdbc.sql("delete from monthly_unit").update();
        jdbc.sql("delete from monthly_list").update();
    }

    private void count(Instant recordedAt, String unitId, String metric) {
        add(recordedAt, unitId, metric, 1);
    }

    private void add(Instant recordedAt, String unitId, String metric, int n) {
        jdbc.sql("""
                        insert into monthly_count (month, unit_id, metric, n) values (:month, :unit, :metric, :n)
                        on conflict (month, unit_id, metric) do update set n = monthly_count.n + excluded.n""")
                .param("month", LocalDate.ofInstant(recordedAt, BUSINESS_ZONE).withDayOfMonth(1))
                .param("unit", unitId)
                .param("metric", metric)
                .param("n", n)
                .update();
    }

    private void unit(String unitId, String name) {
        jdbc.sql("""
                        insert into monthly_unit (unit_id, name) values (?, ?)
                        on conflict (unit_id) do update set name = excluded.name""")
                .params(unitId, name).update();
    }

    private void list(String listCode, ListColour colour) {
        jdbc.sql("""
                        insert into monthly_list (list_code, colour) values (?, ?)
                        on conflict (list_code) do update set colour = excluded.colour""")
                .params(listCode, colour.name()).update();
    }

    /** The names of the counters in {@code monthly_count}; those ending in {@code :} are followed by a code. */
    static final class Metric {
        static final String LETTERS_POSTED = "LETTERS_POSTED";
        static final String LETTERS_FULFILLED = "LETTERS_FULFILLED";
        static final String LETTERS_BREACHED = "LETTERS_BREACHED";
        static final String LETTERS_OVERDUE = "LETTERS_OVERDUE";
        static final String JOINT_ACTIONS = "JOINT_ACTIONS:";
        static final String CHECKS = "CHECKS:";
        static final String ENTRIES = "ENTRIES:";
        static final String EXITS = "EXITS:";
        static final String OBJECTIONS_FILED = "OBJECTIONS_FILED";
        static final String OBJECTIONS_UPHELD = "OBJECTIONS_UPHELD";
        static final String REPAIRS_APPLIED = "REPAIRS_APPLIED";
        static final String REPAIRS_APPROVED = "REPAIRS_APPROVED";
        static final String UNKNOWN = "UNKNOWN";

        private Metric() {
        }
    }
}
