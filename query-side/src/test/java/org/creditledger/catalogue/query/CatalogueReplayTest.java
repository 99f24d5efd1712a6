package org.creditledger.catalogue.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.readmodel.ReadApiTest;
import org.creditledger.testing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.creditledger.readmodel.LedgerEvents.shanghai;

/** Every measure version is kept with the record time it became valid, and a replay rebuilds the same history. */
class CatalogueReplayTest extends ReadApiTest {

    static final String BASIS = "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Serializer serializer;

    @Test
    void measureVersionsKeepTheirRecordTimesAndSurviveAReplay() {
        String tag = suffix.toUpperCase().replace('-', '_');
        ListCode list = new ListCode("DEBTOR_" + tag);
        MeasureCode measure = new MeasureCode("CONSUMPTION_" + tag);
        events.append("ListDefinition", list.value(), new ListDefinedEvent(list, 1, "失信被执行人名单", ListColour.BLACK, "最高人民法院",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》", 24, true, 0, false), shanghai("2025-01-02T09:00"));
        events.append("Measure", measure.value(), new MeasureDefinedEvent(measure, 1, "限制高消费", MeasureKind.PUNISHMENT,
                MeasureDomain.CONSUMPTION, MeasureScope.NATIONAL_BASE, BASIS, List.of(list)), shanghai("2025-01-02T09:10"));
        events.append("Measure", measure.value(), new MeasureChangedEvent(measure, 2, "限制高消费及有关消费", MeasureKind.PUNISHMENT,
                MeasureDomain.CONSUMPTION, MeasureScope.NATIONAL_BASE, BASIS, List.of(list)), shanghai("2025-06-01T09:00"));

        String admin = keys.admin();
        JsonNode measuresBefore = get(admin, "/api/v1/measures?listCode=" + list);
        assertThat(measuresBefore.findValuesAsText("version")).containsExactly("2");
        assertThat(measuresBefore.get(0).path("validFrom").asText()).isEqualTo("2025-06-01T01:00:00Z");
        List<Map<String, Object>> versionsBefore = versions(measure);
        assertThat(versionsBefore).extracting(row -> row.get("version")).containsExactly(1, 2);
        JsonNode listsBefore = get(admin, "/api/v1/lists");

        StreamingEventProcessor processor = processor(CatalogueProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.isReplaying());

        assertThat(get(admin, "/api/v1/measures?listCode=" + list)).isEqualTo(measuresBefore);
        assertThat(get(admin, "/api/v1/lists")).isEqualTo(listsBefore);
        assertThat(versions(measure)).isEqualTo(versionsBefore);
    }

    @Test
    void aListDefinitionStoredBeforeItsTextsReadsAsNoTextsAndNoExtensionAndTextsSurviveAReplay() throws Exception {
        String tag = suffix.toUpperCase().replace('-', '_');
        ListCode list = new ListCode("SAFETY_" + tag);
        ListDefinedEvent current = new ListDefinedEvent(list, 1, "安全生产严重失信主体名单", ListColour.BLACK, "应急管理部",
                "《安全生产严重失信主体名单管理办法》（应急管理部令第11号）", 36, true, 12, false, "认定标准", "移出条件", "程序",
                "救济", 6);
        // the stored shape before issue 12: the same JSON without the fields added at the end
        SerializedObject<byte[]> stored = serializer.serialize(current, byte[].class);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(stored.getData());
        json.remove(List.of("criteria", "exitConditions", "procedure", "remedy", "maxExtensionMonths"));
        ListDefinedEvent old = serializer.deserialize(new SimpleSerializedObject<>(new ObjectMapper().writeValueAsBytes(json),
                byte[].class, stored.getType()));
        assertThat(old.criteria()).isNull();
        assertThat(old.maxExtensionMonths()).isNull();
        assertThat(old.extensionMonths()).isZero();
        assertThat(old.periodMonths()).isEqualTo(36);

        events.append("ListDefinition", list.value(), current, shanghai("2025-01-02T09:00"));
        String admin = keys.admin();
        JsonNode before = find(get(admin, "/api/v1/lists"), list.value());
        assertThat(before.path("criteria").asText()).isEqualTo("认定标准");
        assertThat(before.path("remedy").asText()).isEqualTo("救济");
        assertThat(before.path("maxExtensionMonths").asInt()).isEqualTo(6);

        StreamingEventProcessor processor = processor(CatalogueProjection.PROCESSING_GROUP);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !processor.isReplaying());
        assertThat(find(get(admin, "/api/v1/lists"), list.value())).isEqualTo(before);
        assertThat(jdbc.sql("select criteria, max_extension_months from list_definition_version where list_code = ?")
                .param(list.value()).query().singleRow()).containsEntry("criteria", "认定标准").containsEntry("max_extension_months", 6);
    }

    private static JsonNode find(JsonNode lists, String listCode) {
        for (JsonNode list : lists) {
            if (list.path("listCode").asText().equals(listCode)) {
                return list;
            }
        }
        throw new AssertionError(listCode + " not in " + lists);
    }

    private List<Map<String, Object>> versions(MeasureCode measure) {
        return jdbc.sql("select version, name, valid_from from measure_version where measure_code = ? order by version")
                .param(measure.value()).query().listOfRows();
    }

    private JsonNode get(String key, String path) {
        Api.Response r = api.as(key).get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
