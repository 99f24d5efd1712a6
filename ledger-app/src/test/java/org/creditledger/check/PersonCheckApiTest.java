package org.creditledger.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.creditledger.LedgerHttpTest;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.listing.api.EntryId;
import org.creditledger.platform.axon.AxonStorageConfiguration;
import org.creditledger.subject.ResidentId;
import org.creditledger.subject.SubjectCodes;
import org.creditledger.subject.SubjectKind;
import org.creditledger.subject.SubjectRef;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditledger.check.Checks.check;
import static org.creditledger.check.Checks.checkUntil;
import static org.creditledger.check.Checks.verdict;
import static org.awaitility.Awaitility.await;

/**
 * The legal representative and the responsible persons a listing names are subjects of their own (seed 002 §四, §十一):
 * a check on a person's 身份证 number finds the entry in the person's capacity and applies the measures that bind
 * persons; their numbers are masked for COUNTER callers; entries stored before persons had numbers still read.
 */
class PersonCheckApiTest extends LedgerHttpTest {

    static final String COURT = "最高人民法院";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Api admin;
    Api court;
    Api counter;
    String suffix;
    String blackList;

    @BeforeEach
    void setUp() {
        admin = api().as(keys().admin());
        court = api().as(keys().listAuthority(COURT));
        counter = api().as(keys().counter());
        suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        blackList = "DISHONEST_DEBTOR_" + suffix;
        define("/api/v1/lists/" + blackList, Map.of("name", "失信被执行人名单", "colour", "BLACK", "authority", COURT,
                "legalBasis", "《最高人民法院关于公布失信被执行人名单信息的若干规定》", "periodMonths", 24, "earlyRepairAllowed", true));
    }

    void define(String path, Map<String, Object> body) {
        Api.Response saved = admin.put(path, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    }

    /** A measure of {@code domain} on the black list, binding {@code binds} (absent: the request says nothing). */
    String measure(String domain, String binds) {
        String code = "M_" + domain + "_" + (binds == null ? "DEFAULT" : binds) + "_" + suffix;
        Map<String, Object> body = new HashMap<>(Map.of("name", "限制担任法定代表人或者主要负责人", "kind", "PUNISHMENT",
                "domain", domain, "scope", "NATIONAL_BASE", "legalBasis", "发改财金〔2016〕141号",
                "listCodes", List.of(blackList)));
        if (binds != null) {
            body.put("binds", binds);
        }
        define("/api/v1/measures/" + code, body);
        return code;
    }

    static String company() {
        return SubjectCodes.usccFor(ThreadLocalRandom.current().nextLong(SubjectCodes.USCC_FOR_LIMIT), false);
    }

    static String person() {
        return SubjectCodes.residentIdFor(ThreadLocalRandom.current().nextLong(SubjectCodes.RESIDENT_ID_FOR_LIMIT));
    }

    Map<String, Object> entry(String companyCode, Object representative, List<?> responsible) {
        Map<String, Object> body = new HashMap<>();
        body.put("listCode", blackList);
        body.put("subject", Map.of("kind", "LEGAL_PERSON", "code", companyCode, "name", "广元市某某建材有限公司"));
        body.put("decisionNo", "(2025)川08执" + suffix);
        body.put("decidedOn", TODAY.minusDays(30).toString());
        body.put("reason", "有履行能力而拒不履行生效法律文书确定义务");
        body.put("effectiveFrom", TODAY.minusDays(30).toString());
        body.put("effectiveUntil", TODAY.plusYears(1).toString());
        body.put("legalRepresentative", representative);
        body.put("responsiblePersons", responsible);
        return body;
    }

    String enter(String companyCode, String representative, String responsible) {
        Api.Response entered = court.post("/api/v1/list-entries", entry(companyCode,
                Map.of("name", "王某某", "code", representative, "role", "法定代表人"),
                List.of(Map.of("name", "李某", "code", responsible, "role", "直接责任人"))));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        return entered.json().path("entryId").asText();
    }




    static Predicate<JsonNode> entries(int count) {
        return answer -> answer.path("entries").size() == count;
    }

    @Test
    void theRepresentativeIsRestrictedFromOfficeHoldingWhenTheMeasureBindsPersons() {
        String measure = measure("OFFICE_HOLDING", "PERSONS");
        String representative = person();
        String entryId = enter(company(), representative, person());

        JsonNode answer = checkUntil(counter, representative, "OFFICE_HOLDING", verdict("RESTRICT"));

        assertThat(answer.path("entries")).hasSize(1);
        JsonNode found = answer.path("entries").get(0);
        assertThat(found.path("entryId").asText()).isEqualTo(entryId);
        assertThat(found.path("capacity").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(found.path("capacityLabel").asText()).isEqualTo("法定代表人");
        assertThat(answer.path("measures").get(0).path("measureCode").asText()).isEqualTo(measure);
        assertThat(answer.path("measures").get(0).path("binds").asText()).as("the answer says whom the measure binds")
                .isEqualTo("PERSONS");
        assertThat(answer.path("subjectCode").asText()).as("a COUNTER never sees a 身份证 number in full")
                .isEqualTo(new ResidentId(representative).masked());
    }

    @Test
    void theRepresentativeIsClearWhenTheMeasureBindsTheSubjectOnly() {
        measure("OFFICE_HOLDING", "SUBJECT");
        String companyCode = company();
        String representative = person();
        enter(companyCode, representative, person());
        checkUntil(counter, companyCode, "OFFICE_HOLDING", verdict("RESTRICT"));

        JsonNode answer = checkUntil(counter, representative, "OFFICE_HOLDING", entries(1));

        assertThat(answer.path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(answer.path("entries").get(0).path("capacity").asText()).isEqualTo("LEGAL_REPRESENTATIVE");
        assertThat(answer.path("measures")).isEmpty();
    }

    @Test
    void aMeasureSavedWithoutBindsBindsTheSubjectOnly() {
        String code = measure("CONSUMPTION", null);
        String companyCode = company();
        String responsible = person();
        enter(companyCode, person(), responsible);

        checkUntil(counter, companyCode, "CONSUMPTION", verdict("RESTRICT"));
        JsonNode answer = checkUntil(counter, responsible, "CONSUMPTION", entries(1));

        assertThat(answer.path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(answer.path("entries").get(0).path("capacity").asText()).isEqualTo("RESPONSIBLE_PERSON");
        JsonNode shown = admin.get("/api/v1/measures?listCode=" + blackList).json();
        assertThat(shown.toString()).contains(code).contains("\"binds\":\"SUBJECT\"");
    }

    @Test
    void aMeasureBindingBothRestrictsTheSubjectAndItsResponsiblePersons() {
        measure("SCHOOLING", "BOTH");
        String companyCode = company();
        String responsible = person();
        enter(companyCode, person(), responsible);

        JsonNode subject = checkUntil(counter, companyCode, "SCHOOLING", verdict("RESTRICT"));
        JsonNode person = checkUntil(counter, responsible, "SCHOOLING", verdict("RESTRICT"));

        assertThat(subject.path("entries").get(0).path("capacity").asText()).isEqualTo("SUBJECT");
        assertThat(person.path("entries").get(0).path("capacity").asText()).isEqualTo("RESPONSIBLE_PERSON");
        assertThat(person.path("measures").get(0).path("binds").asText()).isEqualTo("BOTH");
    }

    @Test
    void aCheckAsOfBeforeTheListingFindsNoPerson() {
        measure("OFFICE_HOLDING", "PERSONS");
        String representative = person();
        Instant before = Instant.now().minusSeconds(1);
        enter(company(), representative, person());
        checkUntil(counter, representative, "OFFICE_HOLDING", verdict("RESTRICT"));

        Api.Response past = counter.post("/api/v1/checks", Map.of("subjectCode", representative,
                "domain", "OFFICE_HOLDING", "asOf", before.toString()));

        assertThat(past.status()).as(past.toString()).isEqualTo(201);
        assertThat(past.json().path("verdict").asText()).isEqualTo("CLEAR");
        assertThat(past.json().path("entries")).isEmpty();
    }

    @Test
    void thePersonsNumbersAreMaskedForACounterAndShownToTheAuthority() {
        String representative = person();
        String responsible = person();
        String entryId = enter(company(), representative, responsible);

        JsonNode full = await().atMost(Duration.ofSeconds(10)).until(
                () -> court.get("/api/v1/list-entries/" + entryId), r -> r.status() == 200).json();
        assertThat(full.path("legalRepresentative").path("code").asText()).isEqualTo(representative);
        assertThat(full.path("legalRepresentative").path("role").asText()).isEqualTo("法定代表人");
        assertThat(full.path("responsiblePersons").get(0).path("code").asText()).isEqualTo(responsible);

        JsonNode masked = counter.get("/api/v1/list-entries/" + entryId).json();
        assertThat(masked.path("legalRepresentative").path("name").asText()).isEqualTo("王某某");
        assertThat(masked.path("legalRepresentative").path("code").asText())
                .isEqualTo(new ResidentId(representative).masked());
        assertThat(masked.path("responsiblePersons").get(0).path("code").asText())
                .isEqualTo(new ResidentId(responsible).masked());
        assertThat(masked.toString()).doesNotContain(representative).doesNotContain(responsible);
    }

    @Test
    void aWrongIdNumberOfAPersonIsRefusedByItsPath() {
        String valid = person();
        String wrong = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");

        Api.Response refused = court.post("/api/v1/list-entries", entry(company(), Map.of("name", "王某某", "code", wrong),
                List.of(Map.of("name", "李某"), Map.of("code", valid))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.toString()).contains("legalRepresentative.code").contains("responsiblePersons[1].name");
    }

    /** {@code SubjectListedEvent} as revision 1 declared it, written the way the code of then wrote it. */
    record SubjectListedEventRevision1(EntryId entryId, String listCode, String listAuthority, SubjectRef subject,
                                       String decisionNo, LocalDate decidedOn, String reason, LocalDate effectiveFrom,
                                       LocalDate effectiveUntil, String legalRepresentative,
                                       List<String> responsiblePersons, boolean earlyRepairAllowed,
                                       int minMonthsBeforeRepair, ListColour listColour, boolean revokedOnBlackListing) {
    }

    @Test
    void anEntryStoredAtRevisionOneReadsWithItsPersonsByNameAndCanStillExit() {
        EntryId entryId = EntryId.random();
        String companyCode = company();
        SubjectListedEventRevision1 old = new SubjectListedEventRevision1(entryId, blackList, COURT,
                new SubjectRef(SubjectKind.LEGAL_PERSON, companyCode, "广元市某某建材有限公司"), "(2024)川08执" + suffix,
                TODAY.minusDays(30), "有履行能力而拒不履行生效法律文书确定义务", TODAY.minusDays(30), TODAY.plusYears(1),
                "王某某", List.of("王某某", "李某"), true, 0, ListColour.BLACK, false);
        Serializer serializer = new AxonStorageConfiguration().ledgerSerializer();
        jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        values (?, ?, 0, 'ListEntry', ?, ?, '1', ?, ?)""")
                .params(UUID.randomUUID().toString(), entryId.toString(), DateTimeUtils.formatInstant(Instant.now()),
                        "org.creditledger.listing.api.ListEntryMessages$SubjectListedEvent",
                        serializer.serialize(old, byte[].class).getData(),
                        serializer.serialize(MetaData.emptyInstance(), byte[].class).getData())
                .update();

        JsonNode shown = await().atMost(Duration.ofSeconds(10)).until(
                () -> court.get("/api/v1/list-entries/" + entryId), r -> r.status() == 200).json();
        assertThat(shown.path("legalRepresentative").path("name").asText()).isEqualTo("王某某");
        assertThat(shown.path("legalRepresentative").has("code")).isFalse();
        assertThat(shown.path("responsiblePersons")).hasSize(2);
        assertThat(shown.path("responsiblePersons").get(1).path("name").asText()).isEqualTo("李某");
        assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");

        Api.Response exited = court.post("/api/v1/list-entries/" + entryId + "/exit",
                Map.of("reason", "REVOKED", "documentNo", "(2025)川08执恢" + suffix));
        assertThat(exited.status()).as("the entry loads from its revision-1 event: " + exited).isEqualTo(200);
    }
}
