package org.creditledger.listing.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairAppliedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairApprovedEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairOverdueEvent;
import org.creditledger.listing.api.ListEntryMessages.RepairRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code list_entry_view} (each entry as it stands), {@code list_entry_history} (every event of an entry, in
 * order) and {@code list_entry_pending} (objections and repairs awaiting a decision). Inserts ignore repeats and
 * updates are idempotent, so handling an event twice does no harm. The view keeps the day an entry's subject may
 * first apply for repair, from which the pending list reminds the authority (提醒预警, {@link ListEntryQueries}).
 */
@Component
@ProcessingGroup(ListEntryProjection.PROCESSING_GROUP)
public class ListEntryProjection {

    public static final String PROCESSING_GROUP = "list-entries";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection listEntryTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "list_entry_view", "list_entry_history", "list_entry_pending");
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ListEntryProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SubjectListedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into list_entry_view (entry_id, list_code, list_authority, subject_kind, subject_code,
                            subject_name, decision_no, decided_on, reason, effective_from, effective_until,
                            legal_representative, responsible_persons, legal_representative_person,
                            responsible_persons_detail, status, recorded_at, repair_eligible_from)
                        values (:id, :list, :authority, :kind, :code, :name, :decisionNo, :decidedOn, :reason, :from,
                            :until, :legalRep, :persons, cast(:legalRepPerson as jsonb), cast(:personsDetail as jsonb),
                            :status, :at, :eligibleFrom)
                        on conflict (entry_id) do nothing""")
                .param("id", event.entryId().value())
                .param("list", event.listCode())
                .param("authority", event.listAuthority())
                .param("kind", event.subject().kind().name())
                .param("code", event.subject().code())
                .param("name", event.subject().name())
                .param("decisionNo", event.decisionNo())
                .param("decidedOn", event.decidedOn())
                .param("reason", event.reason())
                .param("from", event.effectiveFrom())
                .param("until", event.effectiveUntil())
                .param("legalRep", event.legalRepresentative() == null ? null : event.legalRepresentative().name())
                .param("persons", event.responsiblePersons().stream().map(NamedPerson::name).toArray(String[]::new))
                .param("legalRepPerson", event.legalRepresentative() == null ? null : jsonText(event.legalRepresentative()))
                .param("personsDetail", jsonText(event.responsiblePersons()))
                .param("status", EntryStatus.ACTIVE.name())
                .param("at", utc(recordedAt))
                .param("eligibleFrom", event.repairEligibleFrom())
                .update();
        history(event.entryId(), seq, "SUBJECT_LISTED", recordedAt, event);
    }

    @EventHandler
    void on(ObjectionFiledEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("update list_entry_view set open_objection_id = ?, objection_overdue = false where entry_id = ?")
                .params(event.objectionId().value(), event.entryId().value()).update();
        pending(event.entryId(), event.objectionId().value(), "OBJECTION", event.filedOn(), event.decideBy());
        history(event.entryId(), seq, "OBJECTION_FILED", recordedAt, event);
    }

    @EventHandler
    void on(ObjectionOverdueEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("update list_entry_view set objection_overdue = true where entry_id = ? and open_objection_id = ?")
                .params(event.entryId().value(), event.objectionId().value()).update();
        jdbc.sql("update list_entry_pending set overdue = true where item_id = ?").param(event.objectionId().value()).update();
        history(event.entryId(), seq, "OBJECTION_OVERDUE", recordedAt, event);
    }

    @EventHandler
    void on(ObjectionUpheldEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        objectionDecided(event.entryId(), event.objectionId().value());
        history(event.entryId(), seq, "OBJECTION_UPHELD", recordedAt, event);
    }

    @EventHandler
    void on(ObjectionRejectedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        objectionDecided(event.entryId(), event.objectionId().value());
        history(event.entryId(), seq, "OBJECTION_REJECTED", recordedAt, event);
    }

    @EventHandler
    void on(RepairAppliedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        pending(event.entryId(), event.repairId().value(), "REPAIR", event.appliedOn(), event.decideBy());
        history(event.entryId(), seq, "REPAIR_APPLIED", recordedAt, event);
    }

    @EventHandler
    void on(RepairOverdueEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("update list_entry_pending set overdue = true where item_id = ?").param(event.repairId().value()).update();
        history(event.entryId(), seq, "REPAIR_OVERDUE", recordedAt, event);
    }

    @EventHandler
    void on(RepairApprovedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("delete from list_entry_pending where item_id = ?").param(event.repairId().value()).update();
        history(event.entryId(), seq, "REPAIR_APPROVED", recordedAt, event);
    }

    @EventHandler
    void on(RepairRejectedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("delete from list_entry_pending where item_id = ?").param(event.repairId().value()).update();
        history(event.entryId(), seq, "REPAIR_REJECTED", recordedAt, event);
    }

    /** An exit closes whatever was still awaiting a decision: an exited entry has nothing left to decide. */
    @EventHandler
    void on(SubjectDelistedEvent event, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        update list_entry_view set status = :exited, exit_reason = :reason, exited_on = :on,
                            open_objection_id = null, objection_overdue = false
                        where entry_id = :id""")
                .param("exited", EntryStatus.EXITED.name())
                .param("reason", event.reason().name())
                .param("on", event.exitedOn())
                .param("id", event.entryId().value())
                .update();
        jdbc.sql("delete from list_entry_pending where entry_id = ?").param(event.entryId().value()).update();
        history(event.entryId(), seq, "SUBJECT_DELISTED", recordedAt, event);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from list_entry_history").update();
        jdbc.sql("delete from list_entry_pending").update();
        jdbc.sql("delete from list_entry_view").update();
    }

    private void objectionDecided(EntryId entryId, java.util.UUID objectionId) {
        jdbc.sql("update list_entry_view set open_objection_id = null, objection_overdue = false where entry_id = ? and open_objection_id = ?")
                .params(entryId.value(), objectionId).update();
        jdbc.sql("delete from list_entry_pending where item_id = ?").param(objectionId).update();
    }

    private void pending(EntryId entryId, java.util.UUID itemId, String kind, java.time.LocalDate since, java.time.LocalDate decideBy) {
        jdbc.sql("""
                        insert into list_entry_pending (item_id, entry_id, kind, list_code, list_authority, since, decide_by)
                        select :item, entry_id, :kind, list_code, list_authority, :since, :decideBy
                        from list_entry_view where entry_id = :entry
                        on conflict (item_id) do nothing""")
                .param("item", itemId)
                .param("kind", kind)
                .param("since", since)
                .param("decideBy", decideBy)
                .param("entry", entryId.value())
                .update();
    }

    /**
     * One history row: the event's own fields, without the ids, the subject and the persons the entry already shows (so
     * a natural person's number appears once, where the read endpoint can mask it).
     */
    private void history(EntryId entryId, long seq, String type, Instant recordedAt, Object event) {
        ObjectNode details = json.valueToTree(event);
        details.remove(java.util.List.of("entryId", "subjectCode", "subject", "legalRepresentative",
                "responsiblePersons"));
        details.properties().forEach(field -> {
            if (field.getValue().isObject() && field.getValue().size() == 1 && field.getValue().has("value")) {
                field.setValue(field.getValue().get("value"));   // typed ids (ObjectionId, RepairId …) as plain values
            }
        });
        try {
            jdbc.sql("""
                            insert into list_entry_history (entry_id, seq, type, recorded_at, details)
                            values (?, ?, ?, ?, cast(? as jsonb))
                            on conflict (entry_id, seq) do nothing""")
                    .params(entryId.value(), seq, type, utc(recordedAt), json.writeValueAsString(details))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history of entry " + entryId, e);
        }
    }

    /** Persons as the view's {@code {name, code, role}} JSON. */
    private String jsonText(Object persons) {
        try {
            return json.writeValueAsString(persons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the persons of a list entry", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
