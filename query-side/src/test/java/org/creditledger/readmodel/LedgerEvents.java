package org.creditledger.readmodel;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.creditledger.commitment.api.CommitmentId;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBecameOverdueEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentBreachedEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentFulfilledEvent;
import org.creditledger.commitment.api.CommitmentMessages.CommitmentPostedEvent;
import org.creditledger.commitment.api.CommitmentType;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends events straight to the event store, as the command side would, with the record time a test needs
 * (the event timestamp is the ledger record time). Keeps each aggregate's sequence numbers.
 */
public final class LedgerEvents {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime() % 10_000_000);

    private final EventStore eventStore;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Map<CommitmentId, String> subjectCodes = new ConcurrentHashMap<>();

    public LedgerEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A moment of a Shanghai business day, e.g. {@code shanghai("2025-04-01T00:30")}. */
    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** Registers a unit with a target, as a row of the 广元 2025 reference file does. */
    public String unitWithTarget(Guangyuan2025 row, String suffix) {
        String unitId = row.unitId() + "-" + suffix;
        unitRegistered(unitId, row.unitName(), row.kind(), shanghai("2025-01-01T09:00"));
        target(unitId, row.year(), row.annualTarget(), row.counting(), row.quarterlyRule(), shanghai("2025-01-01T09:05"));
        return unitId;
    }

    public void unitRegistered(String unitId, String name, UnitKind kind, Instant at) {
        append("Unit", unitId, new UnitRegisteredEvent(new UnitId(unitId), name, kind), at);
    }

    public void unitChanged(String unitId, String name, UnitKind kind, Instant at) {
        append("Unit", unitId, new UnitChangedEvent(new UnitId(unitId), name, kind), at);
    }

    public void target(String unitId, int year, int annualTarget, QuotaCounting counting, boolean quarterlyRule, Instant at) {
        append("Unit", unitId, new QuotaTargetSetEvent(new UnitId(unitId), year, annualTarget, counting, quarterlyRule), at);
    }

    /** Posts a letter signed on {@code signedOn}, recorded at {@code at}; returns its id. */
    public CommitmentId letter(String unitId, LocalDate signedOn, LocalDate dueDate, Instant at) {
        CommitmentId id = CommitmentId.random();
        SubjectRef subject = new SubjectRef(SubjectKind.LEGAL_PERSON, SubjectCodes.usccFor(nextSubject(), false), "广元市某某建材有限公司");
        subjectCodes.put(id, subject.code());
        append("Commitment", id.toString(), new CommitmentPostedEvent(id, new UnitId(unitId),
                CommitmentType.NOTIFICATION_IN_LIEU_OF_CERTIFICATE, subject, "食品经营许可",
                "本单位承诺所提交材料真实有效", signedOn, dueDate, null), at);
        return id;
    }

    /** A letter signed on the day it is recorded, without due date. */
    public CommitmentId letter(String unitId, Instant at) {
        return letter(unitId, LocalDate.ofInstant(at, SHANGHAI), null, at);
    }

    public void fulfilled(CommitmentId id, String unitId, LocalDate occurredOn, String note, Instant at) {
        append("Commitment", id.toString(), new CommitmentFulfilledEvent(id, new UnitId(unitId), subjectCodes.get(id), occurredOn, note), at);
    }

    public void fulfilled(CommitmentId id, String unitId, Instant at) {
        fulfilled(id, unitId, LocalDate.ofInstant(at, SHANGHAI), null, at);
    }

    public void breached(CommitmentId id, String unitId, LocalDate occurredOn, String note, Instant at) {
        append("Commitment", id.toString(), new CommitmentBreachedEvent(id, new UnitId(unitId), subjectCodes.get(id), occurredOn, note), at);
    }

    public void overdue(CommitmentId id, String unitId, LocalDate dueDate, Instant at) {
        append("Commitment", id.toString(), new CommitmentBecameOverdueEvent(id, new UnitId(unitId), subjectCodes.get(id), dueDate), at);
    }

    public void append(String aggregateType, String aggregateId, Object payload, Instant recordedAt) {
        long sequence = sequences.merge(aggregateId, 0L, (previous, ignored) -> previous + 1);
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), recordedAt));
    }

    private static long nextSubject() {
        return SUBJECTS.incrementAndGet() % SubjectCodes.USCC_FOR_LIMIT;
    }
}
