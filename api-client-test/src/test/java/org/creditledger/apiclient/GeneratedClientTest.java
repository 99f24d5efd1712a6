package org.creditledger.apiclient;

import org.creditledger.LedgerApplication;
import org.creditledger.client.ApiClient;
import org.creditledger.client.ApiException;
import org.creditledger.client.api.CatalogueControllerApi;
import org.creditledger.client.api.CheckControllerApi;
import org.creditledger.client.api.CommitmentControllerApi;
import org.creditledger.client.api.CommitmentQueryControllerApi;
import org.creditledger.client.api.ListEntryControllerApi;
import org.creditledger.client.api.ListEntryQueryControllerApi;
import org.creditledger.client.api.SubjectTimelineControllerApi;
import org.creditledger.client.api.UnitControllerApi;
import org.creditledger.client.api.UnitQueryControllerApi;
import org.creditledger.client.model.CheckReceipt;
import org.creditledger.client.model.CheckRequest;
import org.creditledger.client.model.CommitmentView;
import org.creditledger.client.model.EnterRequest;
import org.creditledger.client.model.EnteredResponse;
import org.creditledger.client.model.FieldProblem;
import org.creditledger.client.model.ListEntryView;
import org.creditledger.client.model.ListRequest;
import org.creditledger.client.model.MeasureRequest;
import org.creditledger.client.model.PostCommitmentRequest;
import org.creditledger.client.model.PostedResponse;
import org.creditledger.client.model.Problem;
import org.creditledger.client.model.SubjectBody;
import org.creditledger.client.model.TimelineItem;
import org.creditledger.client.model.TimelinePage;
import org.creditledger.client.model.UnitRequest;
import org.creditledger.client.model.UnitView;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A client generated from the committed {@code api-docs/openapi.yaml} (openapi-generator, Java, JDK HttpClient +
 * Jackson; see this module's pom) compiles and works against the running ledger: one write and one read for each role
 * that has API operations, and errors that arrive as the documented {@code Problem}. MONITOR keys have no API
 * operation (they read {@code /actuator/prometheus} only), so the client has nothing for them but a 403.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientTest {

    static final String UNIT = "gy-market-supervision";
    static final String AUTHORITY = "国家市场监督管理总局";
    static final String LIST = "CLIENT_MARKET_SERIOUS_VIOLATION";
    static final String MEASURE = "CLIENT_RESTRICT_HONOURS";
    /** Entered on {@link #LIST} before the tests, so a check of it is restricted. */
    static final String LISTED = "93510521MA6AT8LB0C";

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys apiKeys;

    TestKeys keys;
    ApiClient admin;
    UUID listedEntryId;

    @BeforeAll
    void defineTheCatalogueAndEnterOneSubject() throws ApiException {
        keys = new TestKeys(apiKeys);
        admin = client(keys.admin());
        new UnitControllerApi(admin).saveUnit(UNIT, new UnitRequest().name("市市场监督管理局").kind(UnitRequest.KindEnum.MUNICIPAL_DEPARTMENT), null);
        new CatalogueControllerApi(admin).saveList(LIST, new ListRequest().name("市场监督管理严重违法失信名单")
                .colour(ListRequest.ColourEnum.BLACK).authority(AUTHORITY)
                .legalBasis("《市场监督管理严重违法失信名单管理办法》(国家市场监督管理总局令第44号)")
                .periodMonths(36).earlyRepairAllowed(true).minMonthsBeforeRepair(12), null);
        new CatalogueControllerApi(admin).saveMeasure(MEASURE, new MeasureRequest().name("限制参加评优评先")
                .kind(MeasureRequest.KindEnum.PUNISHMENT).domain(MeasureRequest.DomainEnum.HONOURS)
                .scope(MeasureRequest.ScopeEnum.NATIONAL_BASE).legalBasis("国发〔2016〕33号").listCodes(List.of(LIST)), null);
        listedEntryId = new ListEntryControllerApi(client(keys.listAuthority(AUTHORITY)))
                .enterList(entry(LISTED, "苍溪县某某农民专业合作社", "市监严失〔2024〕1号"), null).getEntryId();
    }

    @Test
    void adminRegistersAUnitAndFindsItInTheUnitList() throws ApiException {
        new UnitControllerApi(admin).saveUnit("gy-civil-defence",
                new UnitRequest().name("市国动办").kind(UnitRequest.KindEnum.MUNICIPAL_DEPARTMENT), null);

        List<UnitView> units = new UnitQueryControllerApi(admin).listUnits();

        assertThat(units).anySatisfy(unit -> {
            assertThat(unit.getUnitId()).isEqualTo("gy-civil-defence");
            assertThat(unit.getName()).isEqualTo("市国动办");
            assertThat(unit.getKind()).isEqualTo(UnitView.KindEnum.MUNICIPAL_DEPARTMENT);
        });
    }

    @Test
    void unitClerkPostsACommitmentLetterAndReadsItBack() throws ApiException {
        ApiClient clerk = client(keys.clerk(UNIT));

        PostedResponse posted = new CommitmentControllerApi(clerk).postCommitment(new PostCommitmentRequest()
                .unitId(UNIT).type(PostCommitmentRequest.TypeEnum.NOTIFICATION_IN_LIEU_OF_CERTIFICATE)
                .subject(new SubjectBody().kind(SubjectBody.KindEnum.LEGAL_PERSON).code("91110108MA01R7K44D").name("北京某某科技有限公司"))
                .matter("食品经营许可").content("承诺符合食品经营许可条件").signedOn(LocalDate.of(2025, 3, 3)), "client-commitment-1");
        CommitmentView letter = new CommitmentQueryControllerApi(clerk).getCommitment(posted.getCommitmentId());

        assertThat(letter.getUnitId()).isEqualTo(UNIT);
        assertThat(letter.getSubject().getCode()).isEqualTo("91110108MA01R7K44D");
        assertThat(letter.getMatter()).isEqualTo("食品经营许可");
        assertThat(letter.getSignedOn()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(letter.getStatus()).isEqualTo(CommitmentView.StatusEnum.POSTED);
    }

    @Test
    void listAuthorityEntersASubjectAndReadsTheEntry() throws ApiException {
        ApiClient authority = client(keys.listAuthority(AUTHORITY));

        EnteredResponse entered = new ListEntryControllerApi(authority)
                .enterList(entry("91350100M000100Y43", "福州某某贸易有限公司", "市监严失〔2024〕2号"), null);
        ListEntryView entry = new ListEntryQueryControllerApi(authority).getListEntry(entered.getEntryId());

        assertThat(entry.getListCode()).isEqualTo(LIST);
        assertThat(entry.getSubject().getCode()).isEqualTo("91350100M000100Y43");
        assertThat(entry.getStatus()).isEqualTo(ListEntryView.StatusEnum.ACTIVE);
        assertThat(entry.getEffectiveUntil()).isEqualTo(entered.getEffectiveUntil());
    }

    @Test
    void counterChecksAListedSubjectAndReadsTheReceipt() throws ApiException {
        CheckControllerApi checks = new CheckControllerApi(client(keys.counter()));

        CheckReceipt answer = checks.checkSubject(new CheckRequest().subjectCode(LISTED).domain("HONOURS").matter("市级文明单位评选"), null);
        CheckReceipt receipt = checks.getCheckReceipt(answer.getCheckId());

        assertThat(answer.getVerdict()).isEqualTo(CheckReceipt.VerdictEnum.RESTRICT);
        assertThat(receipt.getVerdict()).isEqualTo(CheckReceipt.VerdictEnum.RESTRICT);
        assertThat(receipt.getSubjectCode()).isEqualTo(LISTED);
        assertThat(receipt.getEntries()).extracting(entry -> entry.getEntryId()).containsExactly(listedEntryId);
    }

    @Test
    void inspectorChecksASubjectAndFindsEntryAndCheckInItsTimeline() throws ApiException {
        ApiClient inspector = client(keys.inspector());

        CheckReceipt check = new CheckControllerApi(inspector)
                .checkSubject(new CheckRequest().subjectCode(LISTED).domain("HONOURS").matter("评优评先审查"), null);
        TimelinePage timeline = new SubjectTimelineControllerApi(inspector).getSubjectTimeline(LISTED, null, null, null, null, null);

        assertThat(check.getVerdict()).isEqualTo(CheckReceipt.VerdictEnum.RESTRICT);
        assertThat(timeline.getSubjectCode()).isEqualTo(LISTED);
        assertThat(timeline.getItems()).anySatisfy(item -> {
            assertThat(item.getKind()).isEqualTo(TimelineItem.KindEnum.LIST_ENTRY);
            assertThat(item.getAggregateIdentifier()).isEqualTo(listedEntryId.toString());
        });
        assertThat(timeline.getItems()).anySatisfy(item -> {
            assertThat(item.getKind()).isEqualTo(TimelineItem.KindEnum.CHECK);
            assertThat(item.getRole()).isEqualTo("INSPECTOR");
        });
    }

    @Test
    void aRefusedMonitorKeyGetsTheDocumentedProblem() throws ApiException {
        ApiClient monitor = client(keys.monitor());

        ApiException refused = catchThrowableOfType(ApiException.class, () -> new UnitQueryControllerApi(monitor).listUnits());

        assertThat(refused.getCode()).isEqualTo(403);
        Problem problem = problem(monitor, refused);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:credit-ledger:problem:forbidden"));
        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getInstance().toString()).startsWith("urn:credit-ledger:request:");
    }

    @Test
    void invalidInputGetsAProblemNamingTheField() throws ApiException {
        ApiClient clerk = client(keys.clerk(UNIT));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> new CommitmentControllerApi(clerk)
                .postCommitment(new PostCommitmentRequest().unitId(UNIT).type(PostCommitmentRequest.TypeEnum.OTHER)
                        .subject(new SubjectBody().kind(SubjectBody.KindEnum.LEGAL_PERSON).code("91110108MA01R7K44E").name("某某公司"))
                        .matter("人防工程备案").content("承诺按规定建设").signedOn(LocalDate.of(2025, 2, 1)), null));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = problem(clerk, refused);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:credit-ledger:problem:validation"));
        assertThat(problem.getErrors()).extracting(FieldProblem::getField).containsExactly("subject.code");
    }

    private ApiClient client(String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", apiKey));
        return client;
    }

    private static EnterRequest entry(String code, String name, String decisionNo) {
        return new EnterRequest().listCode(LIST)
                .subject(new SubjectBody().kind(SubjectBody.KindEnum.LEGAL_PERSON).code(code).name(name))
                .decisionNo(decisionNo).decidedOn(LocalDate.of(2024, 6, 3)).reason("严重违法失信")
                .effectiveFrom(LocalDate.of(2024, 6, 3));
    }

    private static Problem problem(ApiClient client, ApiException refused) {
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        try {
            return client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a Problem: " + refused.getResponseBody(), e);
        }
    }
}
