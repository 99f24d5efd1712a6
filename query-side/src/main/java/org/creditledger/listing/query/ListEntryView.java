package org.creditledger.listing.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.creditledger.listing.api.EntryStatus;
import org.creditledger.listing.api.ExitReason;
import org.creditledger.subject.ResidentId;
import org.creditledger.subject.SubjectKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A list entry as it stands: {@code disputed} while an objection is open, {@code objectionOverdue} when that
 * objection passed its decision date undecided; {@code history} holds every event of the entry in order.
 */
public record ListEntryView(UUID entryId, String listCode, String listAuthority, Subject subject, EntryStatus status,
                            ExitReason exitReason, LocalDate exitedOn, boolean disputed, UUID openObjectionId,
                            boolean objectionOverdue, LocalDate effectiveFrom, LocalDate effectiveUntil,
                            String decisionNo, LocalDate decidedOn, String reason, Person legalRepresentative,
                            List<Person> responsiblePersons, Instant recordedAt, List<HistoryItem> history) {

    /** The credit subject (信用主体); the code is masked for callers who may not see a natural person's number. */
    public record Subject(SubjectKind kind, String code, String name) {
    }

    /**
     * A person the decision names ({@code role}: 主要负责人, 直接责任人 …); {@code code}, a 身份证 number, is masked
     * like a natural person's subject code and absent for persons named without one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(String name, String code, String role) {

        Person masked() {
            return code == null ? this : new Person(name, new ResidentId(code).masked(), role);
        }
    }

    /** One event of the entry: {@code type}, when the ledger recorded it, and the event's own fields. */
    public record HistoryItem(String type, Instant recordedAt, Map<String, JsonNode> details) {
        /** Shown flat: {@code {type, recordedAt, ...details}}. */
        @JsonValue
        Map<String, Object> json() {
            Map<String, Object> flat = new LinkedHashMap<>();
            flat.put("type", type);
            flat.put("recordedAt", recordedAt);
            details.forEach(flat::putIfAbsent);
            return flat;
        }
    }

    ListEntryView withSubject(Subject shown, List<HistoryItem> items) {
        return new ListEntryView(entryId, listCode, listAuthority, shown, status, exitReason, exitedOn, disputed,
                openObjectionId, objectionOverdue, effectiveFrom, effectiveUntil, decisionNo, decidedOn, reason,
                legalRepresentative, responsiblePersons, recordedAt, items);
    }

    /** The entry with the persons' 身份证 numbers masked, for callers who may not see them in full. */
    ListEntryView withPersonsMasked() {
        return new ListEntryView(entryId, listCode, listAuthority, subject, status, exitReason, exitedOn, disputed,
                openObjectionId, objectionOverdue, effectiveFrom, effectiveUntil, decisionNo, decidedOn, reason,
                legalRepresentative == null ? null : legalRepresentative.masked(),
                responsiblePersons == null ? null : responsiblePersons.stream().map(Person::masked).toList(),
                recordedAt, history);
    }
}
