package org.creditledger.platform.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.creditledger.listing.api.NamedPerson;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PersonsAsObjectsUpcasterTest {

    private final Serializer serializer = new AxonStorageConfiguration().ledgerSerializer();
    private final EntryId entryId = new EntryId(UUID.randomUUID());
    private final SubjectRef company = new SubjectRef(SubjectKind.LEGAL_PERSON, SubjectCodes.usccFor(4711, false),
            "广元市某某食品有限公司");

    /** {@code SubjectListedEvent} as revision 1 declared it: persons were bare names. */
    record SubjectListedEventRevision1(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                       String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                       LocalDate effectiveUntil, String legalRepresentative,
                                       List<String> responsiblePersons, boolean earlyRepairAllowed,
                                       int minMonthsBeforeRepair, ListColour listColour, boolean revokedOnBlackListing) {
    }

    @Test
    void aRevisionOneListingNamesItsPersonsWithoutCodeOrRole() {
        SubjectListedEventRevision1 old = new SubjectListedEventRevision1(entryId, "MARKET_SERIOUS", "市市场监管局",
                company, "广市监严失〔2024〕12号", LocalDate.of(2024, 6, 3), "提供虚假材料", LocalDate.of(2024, 6, 3),
                LocalDate.of(2027, 6, 2), "王某某", List.of("王某某", "李某"), true, 12, ListColour.BLACK, false);

        SubjectListedEvent read = readBack(stored(old, "1"));

        assertThat(read.legalRepresentative()).isEqualTo(NamedPerson.named("王某某"));
        assertThat(read.responsiblePersons()).containsExactly(NamedPerson.named("王某某"), NamedPerson.named("李某"));
        assertThat(read.subject()).isEqualTo(company);
        assertThat(read.decisionNo()).isEqualTo("广市监严失〔2024〕12号");
        assertThat(read.effectiveUntil()).isEqualTo(LocalDate.of(2027, 6, 2));
        assertThat(read.minMonthsBeforeRepair()).isEqualTo(12);
        assertThat(read.listColour()).isEqualTo(ListColour.BLACK);
    }

    @Test
    void aRevisionOneListingWithoutPersonsStaysWithout() {
        SubjectListedEventRevision1 old = new SubjectListedEventRevision1(entryId, "MARKET_SERIOUS", "市市场监管局",
                company, "文号", LocalDate.of(2024, 6, 3), "理由", LocalDate.of(2024, 6, 3), LocalDate.of(2027, 6, 2),
                null, List.of(), false, 0, null, false);

        SubjectListedEvent read = readBack(stored(old, "1"));

        assertThat(read.legalRepresentative()).isNull();
        assertThat(read.responsiblePersons()).isEmpty();
    }

    @Test
    void aRevisionTwoListingIsReadAsWritten() {
        String residentId = SubjectCodes.residentIdFor(42);
        SubjectListedEvent current = new SubjectListedEvent(entryId, "MARKET_SERIOUS", "市市场监管局", company, "文号",
                LocalDate.of(2024, 6, 3), "理由", LocalDate.of(2024, 6, 3), LocalDate.of(2027, 6, 2),
                new NamedPerson("王某某", residentId, null), List.of(new NamedPerson("李某", null, "直接责任人")), false, 0,
                ListColour.BLACK, false);

        SubjectListedEvent read = readBack(stored(current, "2"));

        assertThat(read).isEqualTo(current);
        assertThat(read.legalRepresentative().code()).isEqualTo(residentId);
    }

    private GenericDomainEventEntry<byte[]> stored(Object payload, String revision) {
        return new GenericDomainEventEntry<>("ListEntry", entryId.toString(), 0, UUID.randomUUID().toString(),
                Instant.parse("2024-06-03T02:00:00Z"), PersonsAsObjectsUpcaster.SUBJECT_LISTED, revision,
                serializer.serialize(payload, byte[].class).getData(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
    }

    private SubjectListedEvent readBack(GenericDomainEventEntry<byte[]> stored) {
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, AxonStorageConfiguration.upcasters()).asStream().toList();
        assertThat(events).hasSize(1);
        return (SubjectListedEvent) events.get(0).getPayload();
    }
}
