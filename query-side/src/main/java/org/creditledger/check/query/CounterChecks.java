package org.creditledger.check.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.check.api.Capacity;
import org.creditledger.check.api.CheckId;
import org.creditledger.check.api.CheckMessages.CheckedBreach;
import org.creditledger.check.api.CheckMessages.SubjectCheckedEvent;
import org.creditledger.check.api.Verdict;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.creditledger.platform.web.Unavailable;
import org.creditledger.readmodel.ProjectionCatchUp;
import org.creditledger.subject.InvalidSubjectCode;
import org.creditledger.subject.SubjectCode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.creditledger.platform.i18n.Text;

/**
 * Answers counter checks and records each answer before it is returned.
 *
 * <p>A live check reads the check projection up to the position it has processed ({@link LedgerHorizon#upToPosition})
 * and records that position as {@code ledgerPosition}. A check {@code asOf} an instant reads everything recorded by
 * then ({@link LedgerHorizon#recordedBy}); its {@code ledgerPosition} is the last event recorded by then. Both go
 * through {@link CheckLookup}, so a recorded check is reproduced by a check {@code asOf} its {@code checkedAt} —
 * exactly when the projection had processed every event recorded before the check, which a busy ledger does not
 * promise (a live check does not wait for the head). A check {@code asOfPosition} its {@code ledgerPosition} (with
 * {@code asOf} its {@code checkedAt} for the day) reads what that answer read, and reproduces it in every case: what
 * an inspector uses to tell a lagging answer from a changed ledger.
 *
 * <p>Breaches come the same way: those known at the horizon that occurred within {@code ledger.commitment.breach-window}
 * before its day. {@code commitmentEligible} is false with a breach that bars commitment-based approval, or with an
 * entry in force on a black list naming the checked code as its subject (disputed or not: an objection does not
 * suspend an entry).
 */
@Component
@EnableConfigurationProperties(CommitmentSettings.class)
class CounterChecks {

    static final int MAX_MATTER_LENGTH = 200;

    private final CheckLookup lookup;
    private final CheckRecorder recorder;
    private final ProjectionCatchUp catchUp;
    private final Clock clock;
    private final CheckMetrics metrics;
    private final CommitmentSettings commitments;

    CounterChecks(CheckLookup lookup, CheckRecorder recorder, ProjectionCatchUp catchUp, Clock clock, CheckMetrics metrics,
                  CommitmentSettings commitments) {
        this.commitments = commitments;
        this.lookup = lookup;
        this.recorder = recorder;
        this.catchUp = catchUp;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** One check as asked: every field as text, so a batch can report each item's mistakes on its own. */
    record Question(String subjectCode, String domain, String matter, String asOf, Long asOfPosition) {

        Question(String subjectCode, String domain, String matter, String asOf) {
            this(subjectCode, domain, matter, asOf, null);
        }
    }

    /** A question that passed validation. */
    record ValidQuestion(String subjectCode, MeasureDomain domain, String matter, Instant asOf, Long asOfPosition) {
    }

    /** Checks one subject: 400 for a bad question, else the recorded answer. */
    SubjectCheckedEvent check(Question question, String counterUnit, LedgerMetadata metadata) {
        long started = System.nanoTime();
        SubjectCheckedEvent answered = null;
        try {
            Instant now = now();
            ValidQuestion valid = validate(question, now);
            SubjectCheckedEvent answer = answer(valid, now, counterUnit);
            recorder.record(List.of(message(answer, metadata)));
            answered = answer;
            return answer;
        } finally {
            metrics.single(System.nanoTime() - started, answered);
        }
    }

    /** The result of one item of a batch: the recorded answer, or why the item was not checked. */
    record ItemResult(SubjectCheckedEvent answer, List<FieldProblem> errors) {
    }

    /** Checks every valid item, records them all in one transaction, and reports invalid items on their own. */
    List<ItemResult> checkAll(List<Question> questions, String counterUnit, LedgerMetadata metadata) {
        long started = System.nanoTime();
        List<SubjectCheckedEvent> answered = null;
        try {
            List<ItemResult> results = answerAll(questions, counterUnit, metadata);
            answered = results.stream().map(ItemResult::answer).filter(Objects::nonNull).toList();
            return results;
        } finally {
            metrics.batch(System.nanoTime() - started, answered);
        }
    }

    /**
     * The live items of a batch are answered at one horizon (the check projection's position when the batch is read),
     * with three queries for all of them ({@link CheckLookup#findAll}): the same answers as one check each, without a
     * round trip per item. Items {@code asOf} an instant are answered one by one.
     */
    private List<ItemResult> answerAll(List<Question> questions, String counterUnit, LedgerMetadata metadata) {
        Instant now = now();
        List<Parsed> parsed = questions.stream().map(question -> parse(question, now)).toList();
        List<String> live = parsed.stream().map(Parsed::question)
                .filter(q -> q != null && q.asOf() == null).map(ValidQuestion::subjectCode).distinct().toList();
        LiveLookup lookup = live.isEmpty() ? null : liveLookup(live, now);
        List<ItemResult> results = new ArrayList<>(questions.size());
        List<EventMessage<?>> toRecord = new ArrayList<>();
        for (Parsed item : parsed) {
            if (item.question() == null) {
                results.add(new ItemResult(null, item.problems()));
                continue;
            }
            SubjectCheckedEvent answer = item.question().asOf() == null ? lookup.answer(item.question(), now, counterUnit)
                    : answer(item.question(), now, counterUnit);
            results.add(new ItemResult(answer, List.of()));
            toRecord.add(message(answer, metadata));
        }
        if (!toRecord.isEmpty()) {
            recorder.record(toRecord);
        }
        return results;
    }

    /** What a batch's live items found, read at one horizon for all of them. */
    private record LiveLookup(long position, CheckLookup.BatchFindings found) {

        SubjectCheckedEvent answer(ValidQuestion question, Instant now, String counterUnit) {
            return CounterChecks.answer(question, now, counterUnit, position,
                    found.measures().applying(found.entries().get(question.subjectCode()), question.domain()),
                    found.breaches().get(question.subjectCode()));
        }
    }

    private LiveLookup liveLookup(List<String> subjectCodes, Instant now) {
        long position = livePosition();
        LedgerHorizon horizon = LedgerHorizon.upToPosition(position, now);
        return new LiveLookup(position, lookup.findAll(subjectCodes, horizon, commitments.breachWindow()));
    }

    private SubjectCheckedEvent answer(ValidQuestion question, Instant now, String counterUnit) {
        LedgerHorizon horizon;
        long ledgerPosition;
        if (question.asOfPosition() != null) {
            ledgerPosition = question.asOfPosition();
            long head = catchUp.head();
            if (ledgerPosition > head) {
                throw new InvalidInput(List.of(FieldProblem.of("asOfPosition", "check.as-of-position.beyond-head", head)));
            }
            catchUp.awaitPosition(ledgerPosition, CheckProjection.PROCESSING_GROUP);
            horizon = LedgerHorizon.upToPosition(ledgerPosition, question.asOf() != null ? question.asOf() : now);
        } else if (question.asOf() == null) {
            ledgerPosition = livePosition();
            horizon = LedgerHorizon.upToPosition(ledgerPosition, now);
        } else {
            ledgerPosition = lookup.lastRecordedBy(question.asOf());
            catchUp.awaitPosition(ledgerPosition, CheckProjection.PROCESSING_GROUP);
            horizon = LedgerHorizon.recordedBy(question.asOf());
        }
        CheckLookup.CheckFindings found = lookup.check(question.subjectCode(), question.domain(), horizon,
                commitments.breachWindow());
        return answer(question, now, counterUnit, ledgerPosition, found.findings(), found.breaches());
    }

    private static SubjectCheckedEvent answer(ValidQuestion question, Instant now, String counterUnit, long ledgerPosition,
                                              CheckLookup.Findings findings, List<CheckedBreach> breaches) {
        boolean punishment = findings.measures().stream().anyMatch(m -> m.kind() == MeasureKind.PUNISHMENT);
        boolean incentive = findings.measures().stream().anyMatch(m -> m.kind() == MeasureKind.INCENTIVE);
        boolean eligible = breaches.stream().noneMatch(CheckedBreach::barsCommitments)
                && findings.entries().stream().noneMatch(e -> e.colour() == ListColour.BLACK && e.capacity() == Capacity.SUBJECT);
        return new SubjectCheckedEvent(CheckId.random(), question.subjectCode(), question.domain(), question.matter(),
                question.asOf(), now, Verdict.of(punishment, incentive), findings.entries(), findings.measures(),
                ledgerPosition, counterUnit, breaches, eligible);
    }

    /**
     * Where the check projection stands. Normally its in-memory position (no wait). Right after a start (also the
     * restart that ends a rebuild), during a replay or when another node runs it, waits (bounded) for it to reach the
     * head, then reads its position; if it cannot reach the head, the counter gets 503 rather than a CLEAR that only
     * means "not processed yet".
     */
    private long livePosition() {
        OptionalLong live = catchUp.livePosition(CheckProjection.PROCESSING_GROUP);
        if (live.isPresent()) {
            return live.getAsLong();
        }
        long head = catchUp.head();
        catchUp.awaitPosition(head, CheckProjection.PROCESSING_GROUP);
        long position = catchUp.localPosition(CheckProjection.PROCESSING_GROUP)
                .orElseGet(() -> catchUp.committedPosition(CheckProjection.PROCESSING_GROUP));
        if (position < head) {
            throw new NotReady(position, head);
        }
        return position;
    }

    private static ValidQuestion validate(Question question, Instant now) {
        Parsed parsed = parse(question, now);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInput(parsed.problems());
        }
        return parsed.question();
    }

    /** A question read in one pass: the valid question, or (then {@code question} is null) what is wrong with it. */
    record Parsed(ValidQuestion question, List<FieldProblem> problems) {
    }

    static Parsed parse(Question question, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String subjectCode = null;
        if (question.subjectCode() == null || question.subjectCode().isBlank()) {
            problems.add(FieldProblem.of("subjectCode", "problem.field.required"));
        } else {
            try {
                subjectCode = new SubjectCode(question.subjectCode()).value();
            } catch (InvalidSubjectCode e) {
                problems.add(FieldProblem.of("subjectCode", e.reason()));
            }
        }
        MeasureDomain domain = null;
        if (question.domain() == null || question.domain().isBlank()) {
            problems.add(FieldProblem.of("domain", "problem.field.required"));
        } else {
            domain = Arrays.stream(MeasureDomain.values()).filter(d -> d.name().equals(question.domain().strip()))
                    .findFirst().orElse(null);
            if (domain == null) {
                problems.add(FieldProblem.of("domain", "problem.field.not-one-of", question.domain(),
                        Arrays.stream(MeasureDomain.values()).map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        String matter = question.matter() == null || question.matter().isBlank() ? null : question.matter().strip();
        if (matter != null && matter.length() > MAX_MATTER_LENGTH) {
            problems.add(FieldProblem.of("matter", "problem.field.max-length", MAX_MATTER_LENGTH));
        }
        Instant asOf = null;
        if (question.asOf() != null && !question.asOf().isBlank()) {
            try {
                asOf = OffsetDateTime.parse(question.asOf().strip()).toInstant();
                if (asOf.isAfter(now)) {
                    problems.add(FieldProblem.of("asOf", "query.as-of.future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("asOf", "query.as-of.unreadable", question.asOf()));
            }
        }
        if (question.asOfPosition() != null && question.asOfPosition() < -1) {
            problems.add(FieldProblem.of("asOfPosition", "check.as-of-position.negative"));
        }
        return problems.isEmpty() ? new Parsed(new ValidQuestion(subjectCode, domain, matter, asOf, question.asOfPosition()), List.of())
                : new Parsed(null, List.copyOf(problems));
    }

    private static EventMessage<SubjectCheckedEvent> message(SubjectCheckedEvent answer, LedgerMetadata metadata) {
        return new GenericEventMessage<>(answer.checkId().toString(), answer, metadata.toMetaData(), answer.checkedAt());
    }

    /** Record times are kept to the millisecond, so a receipt's {@code checkedAt} compares exactly with them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static class NotReady extends Unavailable {
        NotReady(long position, long head) {
            super(Text.of("query.check.catching-up", position, head), java.time.Duration.ofSeconds(1));
        }
    }
}
