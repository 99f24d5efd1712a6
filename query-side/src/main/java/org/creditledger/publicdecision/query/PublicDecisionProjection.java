package org.creditledger.publicdecision.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.publicdecision.api.ComplianceDefect;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublicationOverdueEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublishedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionRecordedEvent;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/**
 * Keeps {@code public_decision}: each 双公示 decision, its publication and whether it was on time. Inserts do nothing
 * on a second delivery and updates are guarded, so handling an event twice does no harm.
 *
 * <p>The feed position is the publication event's global index, read from its stored row in the update itself (as
 * the subject timeline does): it does not change when the projection is rebuilt, so an adapter's position stays valid.
 */
@Component
@ProcessingGroup(PublicDecisionProjection.PROCESSING_GROUP)
public class PublicDecisionProjection {

    public static final String PROCESSING_GROUP = "public-decisions";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection publicDecisionTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "public_decision");
    }

    private final JdbcClient jdbc;

    PublicDecisionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DecisionRecordedEvent event, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into public_decision (decision_id, unit_id, kind, decision_no, subject_kind, subject_code,
                            subject_name, decided_on, content, valid_from, valid_until, limit_counting, limit_days,
                            publish_by, defects, recorded_at)
                        values (:id, :unit, :kind, :decisionNo, :subjectKind, :subjectCode, :subjectName, :decidedOn,
                            :content, :validFrom, :validUntil, :counting, :days, :publishBy, :defects, :recordedAt)
                        on conflict (decision_id) do nothing""")
                .param("id", event.decisionId().value())
                .param("unit", event.unitId().value())
                .param("kind", event.kind().name())
                .param("decisionNo", event.decisionNo())
                .param("subjectKind", event.subject().kind().name())
                .param("subjectCode", event.subject().code())
                .param("subjectName", event.subject().name())
                .param("decidedOn", event.decidedOn())
                .param("content", event.content())
                .param("validFrom", event.validFrom())
                .param("validUntil", event.validUntil())
                .param("counting", event.limit().counting().name())
                .param("days", event.limit().days())
                .param("publishBy", event.publishBy())
                .param("defects", event.defects().stream().map(ComplianceDefect::name).collect(Collectors.joining(",")))
                .param("recordedAt", utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(DecisionPublishedEvent event, EventMessage<?> message) {
        jdbc.sql("""
                        update public_decision set published_on = :publishedOn, channel = :channel, on_time = :onTime,
                            published_at = :at,
                            published_position = (select stored.global_index from domain_event_entry stored
                                                   where stored.event_identifier = :eventId)
                        where decision_id = :id and published_on is null""")
                .param("publishedOn", event.publishedOn())
                .param("channel", event.channel().name())
                .param("onTime", event.onTime())
                .param("at", utc(message.getTimestamp()))
                .param("eventId", message.getIdentifier())
                .param("id", event.decisionId().value())
                .update();
    }

    /** The moment is kept after a late publication: the unit was flagged, and the record says when. */
    @EventHandler
    void on(DecisionPublicationOverdueEvent event, @Timestamp Instant flaggedAt) {
        jdbc.sql("update public_decision set overdue_since = :at where decision_id = :id and overdue_since is null")
                .param("at", utc(flaggedAt))
                .param("id", event.decisionId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from public_decision").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
