package org.creditledger.check.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureRetiredEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.check.api.Capacity;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentOutcomeCorrectedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.Outcome;
import org.creditledger.listing.api.ListEntryMessages.ObjectionFiledEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionRejectedEvent;
import org.creditledger.listing.api.ListEntryMessages.ObjectionUpheldEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the tables a counter check reads ({@code check_entry}, {@code check_person}, {@code check_objection},
 * {@code check_measure}, {@code check_list}, and for breaches {@code check_commitment}, {@code check_breach}). Nothing is overwritten: a fact gets the ledger position and record time from which it counts,
 * and later the position and time until which, so {@link CheckLookup} answers for now and for any past instant.
 * Inserts ignore repeats and closing only fills empty columns, so handling an event twice does no harm.
 */
@Component
@ProcessingGroup(CheckProjection.PROCESSING_GROUP)
public class CheckProjection {

    public static final String PROCESSING_GROUP = "checks";

    /**
     * The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. Rebuilt
     * into new tables and switched in, so checks keep answering from the live ones meanwhile. Read live: a counter
     * check answers from where this projection stands without waiting, so it handles each entry as soon as it is stored.
     */
    @Bean
    static RebuildableProjection checkTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "check_list", "check_entry", "check_person", "check_objection",
                "check_measure", "check_commitment", "check_breach").readWithoutWaiting();
    }

    private final JdbcClient jdbc;

    CheckProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ListDefinedEvent event) {
        listColour(event.listCode(), event.colour());
    }

    @EventHandler
    void on(ListDefinitionChangedEvent event) {
        listColour(event.listCode(), event.colour());
    }

    @EventHandler
    void on(SubjectListedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into check_entry (entry_id, subject_code, list_code, colour, authority, decision_no,
                            effective_from, effective_until, listed_position, listed_at)
                        values (:id, :subject, :list,
                            coalesce((select colour from check_list where list_code = :list), :unknownColour),
                            :authority, :decisionNo, :from, :until, :position, :at)
                        on conflict (entry_id) do nothing""")
                .param("id", event.entryId().value())
                .param("subject", event.subject().code())
                .param("list", event.listCode())
                .param("unknownColour", ListColour.BLACK.name())
                .param("authority", event.listAuthority())
                .param("decisionNo", event.decisionNo())
                .param("from", event.effectiveFrom())
                .param("until", event.effectiveUntil())
                .param("position", position(message))
                .param("at", utc(recordedAt))
                .update();
        if (event.legalRepresentative() != null) {
            person(event, event.legalRepresentative(), Capacity.LEGAL_REPRESENTATIVE);
        }
        event.responsiblePersons().forEach(person -> person(event, person, Capacity.RESPONSIBLE_PERSON));
    }

    /**
     * A person the entry names by 身份证 number: a check on that number finds the entry, in force exactly as
     * {@code check_entry} says, in the person's capacity. Persons named without a number cannot be checked.
     */
    private void person(SubjectListedEvent event, NamedPerson person, Capacity capacity) {
        if (person.code() == null) {
            return;
        }
        jdbc.sql("""
                        insert into check_person (entry_id, person_code, capacity) values (?, ?, ?)
                        on conflict do nothing""")
                .params(event.entryId().value(), person.code(), capacity.name())
                .update();
    }

    @EventHandler
    void on(ObjectionFiledEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        jdbc.sql("""
                        insert into check_objection (objection_id, entry_id, filed_position, filed_at)
                        values (?, ?, ?, ?) on conflict (objection_id) do nothing""")
                .params(event.objectionId().value(), event.entryId().value(), position(message), utc(recordedAt))
                .update();
    }

    @EventHandler
    void on(ObjectionUpheldEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        closeObjection(event.objectionId().value(), message, recordedAt);
    }

    @EventHandler
    void on(ObjectionRejectedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        closeObjection(event.objectionId().value(), message, recordedAt);
    }

    /** An exit ends the entry and whatever objection was still open against it. */
    @EventHandler
    void on(SubjectDelistedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        long position = position(message);
        jdbc.sql("update check_entry set exited_position = ?, exited_at = ? where entry_id = ? and exited_position is null")
                .params(position, utc(recordedAt), event.entryId().value())
                .update();
        jdbc.sql("""
                        update check_objection set closed_position = ?, closed_at = ?
                        where entry_id = ? and closed_position is null""")
                .params(position, utc(recordedAt), event.entryId().value())
                .update();
    }

    /** Every letter, so a breach can name its type, unit and matter. No position: letters are many, and need none. */
    @EventHandler
    void on(CommitmentPostedEvent event) {
        jdbc.sql("""
                        insert into check_commitment (commitment_id, subject_code, unit_id, type, matter)
                        values (?, ?, ?, ?, ?) on conflict (commitment_id) do nothing""")
                .params(event.commitmentId().value(), event.subject().code(), event.unitId().value(), event.type().name(),
                        event.matter())
                .update();
    }

    @EventHandler
    void on(CommitmentBreachedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        breachKnown(event.commitmentId().value(), event.subjectCode(), event.occurredOn(), position(message), recordedAt);
    }

    /**
     * A correction to BREACHED makes a breach known from this event; one to FULFILLED withdraws the breach known until
     * then. Either way the earlier rows stay, so a check as of an earlier instant still shows what was known then.
     */
    @EventHandler
    void on(CommitmentOutcomeCorrectedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        long position = position(message);
        if (event.outcome() == Outcome.BREACHED) {
            breachKnown(event.commitmentId().value(), event.subjectCode(), event.occurredOn(), position, recordedAt);
        } else {
            jdbc.sql("""
                            update check_breach set withdrawn_position = ?, withdrawn_at = ?
                            where commitment_id = ? and withdrawn_position is null and known_position < ?""")
                    .params(position, utc(recordedAt), event.commitmentId().value(), position)
                    .update();
        }
    }

    private void breachKnown(UUID commitmentId, String subjectCode, LocalDate occurredOn, long position,
                             Instant recordedAt) {
        jdbc.sql("""
                        insert into check_breach (commitment_id, known_position, known_at, subject_code, occurred_on)
                        values (?, ?, ?, ?, ?) on conflict (commitment_id, known_position) do nothing""")
                .params(commitmentId, position, utc(recordedAt), subjectCode, occurredOn)
                .update();
    }

    @EventHandler
    void on(MeasureDefinedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        measureVersion(event.measureCode(), event.version(), event.name(), event.kind(), event.domain(), event.scope(),
                event.legalBasis(), event.listCodes(), event.bindsOrDefault(), position(message), recordedAt);
    }

    @EventHandler
    void on(MeasureChangedEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        measureVersion(event.measureCode(), event.version(), event.name(), event.kind(), event.domain(), event.scope(),
                event.legalBasis(), event.listCodes(), event.bindsOrDefault(), position(message), recordedAt);
    }

    /** Every version of the measure stops applying from the retirement's day, once the retirement is recorded. */
    @EventHandler
    void on(MeasureRetiredEvent event, EventMessage<?> message, @Timestamp Instant recordedAt) {
        jdbc.sql("update check_measure set retired_from = ?, retired_position = ?, retired_at = ? where measure_code = ?")
                .params(event.effectiveOn(), position(message), utc(recordedAt), event.measureCode().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from check_objection").update();
        jdbc.sql("delete from check_person").update();
        jdbc.sql("delete from check_entry").update();
        jdbc.sql("delete from check_measure").update();
        jdbc.sql("delete from check_list").update();
        jdbc.sql("delete from check_breach").update();
        jdbc.sql("delete from check_commitment").update();
    }

    private void listColour(ListCode listCode, ListColour colour) {
        jdbc.sql("""
                        insert into check_list (list_code, colour) values (?, ?)
                        on conflict (list_code) do update set colour = excluded.colour""")
                .params(listCode.value(), colour.name())
                .update();
    }

    private void closeObjection(UUID objectionId, EventMessage<?> message, Instant recordedAt) {
        jdbc.sql("""
                        update check_objection set closed_position = ?, closed_at = ?
                        where objection_id = ? and closed_position is null""")
                .params(position(message), utc(recordedAt), objectionId)
                .update();
    }

    /** A new version is valid from its event on; the version before it stops being valid at that same event. */
    private void measureVersion(MeasureCode code, int version, String name, MeasureKind kind, MeasureDomain domain,
                                MeasureScope scope, String legalBasis, List<ListCode> listCodes, MeasureBinds binds,
                                long position, Instant recordedAt) {
        jdbc.sql("""
                        update check_measure set valid_until_position = ?, valid_until_at = ?
                        where measure_code = ? and version < ? and valid_until_position is null""")
                .params(position, utc(recordedAt), code.value(), version)
                .update();
        jdbc.sql("""
                        insert into check_measure (measure_code, version, name, kind, domain, scope, legal_basis,
                            list_codes, binds, valid_from_position, valid_from_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (measure_code, version) do nothing""")
                .params(code.value(), version, name, kind.name(), domain.name(), scope.name(), legalBasis,
                        listCodes.stream().map(ListCode::value).toArray(String[]::new), binds.name(), position,
                        utc(recordedAt))
                .update();
    }

    /**
     * The event's own global index, from its stored row. Not the tracking token's position: an event that commits
     * after a later one fills a gap, and its token names the highest index seen, so live positions would differ from
     * a rebuild's. Only list, objection, measure, breach and correction events come here, a handful a day.
     */
    private long position(EventMessage<?> message) {
        return jdbc.sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(message.getIdentifier()).query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
