package org.creditledger.audit.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.creditledger.check.api.CheckMessages.CheckedEntry;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.publicdecision.api.DecisionKind;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublicationOverdueEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionPublishedEvent;
import org.creditledger.publicdecision.api.PublicDecisionMessages.DecisionRecordedEvent;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps {@code subject_timeline}: one row for every event about a credit subject (信用主体), keyed by subject and the
 * event's global index, with the write's metadata (who, in which role and unit, correlation and client request id),
 * the event's calendar dates and its fields. Every event named here carries its subject's code, so no other read model
 * is consulted. Rows are inserted once ({@code on conflict do nothing}), so handling an event twice does no harm.
 *
 * <p>The global index is read from the event's own stored row, in the insert itself. The tracking token is no
 * substitute: an event that commits after a later one (concurrent writers) fills a gap, and the token delivered with
 * it names the highest index seen, not the event's own.
 */
@Component
@ProcessingGroup(SubjectTimelineProjection.PROCESSING_GROUP)
public class SubjectTimelineProjection {

    public static final String PROCESSING_GROUP = "timeline";

    /**
     * The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor: on a
     * ledger that already holds events, a new one starts at the first event and indexes the whole history.
     */
    @Bean
    static RebuildableProjection timelineTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "subject_timeline");
    }

    private static final List<String> SUBJECT_FIELDS = List.of("subjectCode");

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SubjectTimelineProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CommitmentPostedEvent event, EventMessage<?> message) {
        index(event.subject().code(), TimelineKind.COMMITMENT, message, summary(event));
    }

    @EventHandler
    void on(CommitmentFulfilledEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.COMMITMENT, message, summary(event));
    }

    @EventHandler
    void on(CommitmentBreachedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.COMMITMENT, message, summary(event));
    }

    @EventHandler
    void on(CommitmentOutcomeCorrectedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.COMMITMENT, message, summary(event));
    }

    @EventHandler
    void on(CommitmentBecameOverdueEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.COMMITMENT, message, summary(event));
    }

    @EventHandler
    void on(SubjectListedEvent event, EventMessage<?> message) {
        index(event.subject().code(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(ObjectionFiledEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(ObjectionOverdueEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(ObjectionUpheldEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(ObjectionRejectedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(RepairAppliedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(RepairApprovedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(RepairRejectedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(SubjectDelistedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.LIST_ENTRY, message, summary(event));
    }

    @EventHandler
    void on(JointActionRecordedEvent event, EventMessage<?> message) {
        index(event.subjectCode(), TimelineKind.JOINT_ACTION, message, summary(event));
    }

    /**
     * A penalty decision (行政处罚) is part of its subject's record; a licensing decision (行政许可) is not a credit
     * event about the subject and stays out of its timeline. A code longer than the column (a wrong code, 双公示
     * records it anyway) cannot name a subject the timeline is asked about, so it is left out too.
     */
    @EventHandler
    void on(DecisionRecordedEvent event, EventMessage<?> message) {
        if (event.kind() == DecisionKind.PENALTY && fitsTimeline(event.subject().code())) {
            index(event.subject().code(), TimelineKind.PUBLIC_DECISION, message, summary(event));
        }
    }

    @EventHandler
    void on(DecisionPublishedEvent event, EventMessage<?> message) {
        if (event.kind() == DecisionKind.PENALTY && fitsTimeline(event.subjectCode())) {
            index(event.subjectCode(), TimelineKind.PUBLIC_DECISION, message, summary(event));
        }
    }

    @EventHandler
    void on(DecisionPublicationOverdueEvent event, EventMessage<?> message) {
        if (event.kind() == DecisionKind.PENALTY && fitsTimeline(event.subjectCode())) {
            index(event.subjectCode(), TimelineKind.PUBLIC_DECISION, message, summary(event));
        }
    }

    private static boolean fitsTimeline(String subjectCode) {
        return subjectCode.length() <= 32;
    }

    /**
     * A counter check: the summary keeps the answer (verdict, domain, as of, ledger position, commitment eligibility)
     * and which entries, measures and breaches it rested on, by id and code; the full receipt stays in the event.
     */
    @EventHandler
    void on(SubjectCheckedEvent event, EventMessage<?> message) {
        ObjectNode summary = summary(event);
        ArrayNode entries = summary.putArray("entries");
        for (CheckedEntry entry : event.entries()) {
            entries.addObject().put("entryId", entry.entryId().toString()).put("listCode", entry.listCode())
                    .put("colour", entry.colour() == null ? null : entry.colour().name()).put("disputed", entry.disputed());
        }
        ArrayNode measures = summary.putArray("measures");
        event.measures().forEach(measure -> measures.add(measure.measureCode()));
        if (event.breaches() != null) {
            ArrayNode breaches = summary.putArray("breaches");
            event.breaches().forEach(breach -> breaches.addObject().put("commitmentId", breach.commitmentId().toString())
                    .put("type", breach.type().name()).put("occurredOn", breach.occurredOn().toString()));
        }
        index(event.subjectCode(), TimelineKind.CHECK, message, summary);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from subject_timeline").update();
    }

    private void index(String subjectCode, TimelineKind kind, EventMessage<?> message, ObjectNode summary) {
        // Events stored without an aggregate (counter checks) have no aggregate type; their row's aggregate
        // identifier column only repeats the event identifier.
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d && d.getType() != null ? d : null;
        MetaData meta = message.getMetaData();
        jdbc.sql("""
                        insert into subject_timeline (subject_code, global_index, event_identifier, aggregate_identifier,
                            sequence_number, kind, type, recorded_at, business_dates, principal, principal_name, role,
                            unit, authority, correlation_id, client_request_id, request, summary)
                        select :subject, stored.global_index, :eventId, :aggregateId, :seq, :kind, :type, :recordedAt,
                            cast(:dates as jsonb), :principal, :principalName, :role, :unit, :authority, :correlationId,
                            :clientRequestId, :request, cast(:summary as jsonb)
                        from domain_event_entry stored where stored.event_identifier = :eventId
                        on conflict (subject_code, global_index) do nothing""")
                .param("subject", subjectCode)
                .param("eventId", message.getIdentifier())
                .param("aggregateId", domain == null ? null : domain.getAggregateIdentifier())
                .param("seq", domain == null ? null : domain.getSequenceNumber())
                .param("kind", kind.name())
                .param("type", message.getPayloadType().getSimpleName())
                .param("recordedAt", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .param("dates", text(businessDates(message.getPayload())))
                .param("principal", meta.get(LedgerMetadata.PRINCIPAL))
                .param("principalName", meta.get(LedgerMetadata.PRINCIPAL_NAME))
                .param("role", meta.get(LedgerMetadata.ROLE))
                .param("unit", meta.get(LedgerMetadata.UNIT))
                .param("authority", meta.get(LedgerMetadata.AUTHORITY))
                .param("correlationId", meta.get(LedgerMetadata.CORRELATION_ID))
                .param("clientRequestId", meta.get(LedgerMetadata.CLIENT_REQUEST_ID))
                .param("request", meta.get(LedgerMetadata.REQUEST))
                .param("summary", text(summary))
                .update();
    }

    /**
     * The event's fields as JSON without its subject code (the row has it), typed ids (CommitmentId, EntryId,
     * UnitId …, serialised as {@code {"value": …}}) shown as plain values.
     */
    private ObjectNode summary(Record event) {
        ObjectNode summary = json.valueToTree(event);
        summary.remove(SUBJECT_FIELDS);
        if (summary.get("subject") instanceof ObjectNode subject) {
            subject.remove("code");
        }
        summary.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isObject() && value.size() == 1 && value.has("value")) {
                field.setValue(value.get("value"));
            }
        });
        return summary;
    }

    /** The business (calendar) dates of an event — signedOn, occurredOn, decidedOn, effectiveFrom, exitedOn … — by name. */
    private ObjectNode businessDates(Object payload) {
        ObjectNode dates = json.createObjectNode();
        for (DateField field : DATE_FIELDS.get(payload.getClass())) {
            try {
                Object date = field.accessor().invoke(payload);
                if (date != null) {
                    dates.put(field.name(), date.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + field.name() + " of " + payload.getClass(), e);
            }
        }
        return dates;
    }

    /** A {@code LocalDate} component of an event record: its name and accessor. */
    private record DateField(String name, Method accessor) {
    }

    /**
     * Each event class's date components, found once: {@link Class#getRecordComponents()} builds new component and
     * method objects on every call. Finding them once cut this processor's CPU per counter check by about a third
     * (issue 13).
     */
    private static final ClassValue<List<DateField>> DATE_FIELDS = new ClassValue<>() {
        @Override
        protected List<DateField> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : Arrays.stream(components)
                    .filter(component -> component.getType() == LocalDate.class)
                    .map(component -> new DateField(component.getName(), component.getAccessor()))
                    .toList();
        }
    };

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write timeline JSON", e);
        }
    }
}
