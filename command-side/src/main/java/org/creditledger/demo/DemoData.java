package org.creditledger.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.creditledger.platform.access.ApiKeys;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.axon.LedgerCommands;
import org.creditledger.platform.axon.LedgerMetadata;
import org.creditledger.unit.api.ExistingEnterpriseRatio;
import org.creditledger.unit.api.QuotaCounting;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.SaveUnitCommand;
import org.creditledger.unit.api.UnitMessages.SetQuotaTargetCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.creditledger.platform.i18n.OperatorLog;

/**
 * {@code LEDGER_DEMO=true}: on an empty ledger, registers the units of 广元's 2025 key-work list
 * (《广元市2025年社会信用体系建设重点工作清单》, seed 000): the 32 with a commitment target, with their 2025 targets, and
 * the 11 without one (市法院, 市发展改革委, 市政务服务和数据局 …), then the demo catalogue of lists and measures
 * ({@link DemoCatalogue}), and prints one demo API key per role. The demo COUNTER key is the service hall's
 * (市政务服务和数据局, {@code gy-zwfw}), so its checks count for a unit. The figures are the project's own copy of
 * the seed figures (see {@code docs/domain.md}); counties and districts get theirs as 50% of their existing
 * enterprises ({@link #targetCommand}).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ledger.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String TARGETS = "demo/guangyuan-2025-commitment-targets.csv";
    static final String UNITS_WITHOUT_TARGET = "demo/guangyuan-units-without-target.csv";
    static final String DEMO_UNIT = "gy-market-regulation";
    static final String DEMO_COUNTER_UNIT = "gy-zwfw";
    static final String DEMO_AUTHORITY = "国家市场监督管理总局";
    /** Seed 000 row 37: counties' targets are 不少于辖区内存续企业（含个体工商户）数量的50%. */
    static final BigDecimal SEED_COUNTY_SHARE = new BigDecimal("0.5");

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final LedgerCommands commands;
    private final ApiKeys apiKeys;
    private final JdbcClient jdbc;
    private final DemoCatalogue catalogue;

    DemoData(LedgerCommands commands, ApiKeys apiKeys, JdbcClient jdbc, DemoCatalogue catalogue) {
        this.commands = commands;
        this.apiKeys = apiKeys;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    record UnitTarget(String unitId, String name, UnitKind kind, int year, int annualTarget, QuotaCounting counting,
                      boolean quarterlyRule) {
    }

    @Override
    public void run(ApplicationArguments args) {
        // Keys are recorded as events too (the bootstrap key is issued just before): they do not make a ledger non-empty.
        if (jdbc.sql("select exists (select 1 from domain_event_entry where type is distinct from ?)").param(ApiKeys.AGGREGATE_TYPE)
                .query(Boolean.class).single()) {
            log.info(OperatorLog.text("log.demo.not-again"));
            return;
        }
        LedgerMetadata demo = new LedgerMetadata("demo-loader", "demo data loader", "SYSTEM", null, null,
                UUID.randomUUID().toString(), null, "LEDGER_DEMO=true");
        List<UnitTarget> targets = targets();
        Map<String, ExistingEnterpriseRatio> ratios = countyRatios();
        for (UnitTarget target : targets) {
            UnitId id = new UnitId(target.unitId());
            commands.send(new SaveUnitCommand(id, target.name(), target.kind()), demo);
            commands.send(targetCommand(target, ratios.get(target.unitId())), demo);
        }
        List<SaveUnitCommand> withoutTarget = unitsWithoutTarget();
        withoutTarget.forEach(unit -> commands.send(unit, demo));
        // Decided above with the units: the catalogue loads only on an empty ledger too.
        DemoCatalogue.Catalogue loaded = catalogue.load(demo);
        StringBuilder keys = new StringBuilder();
        for (Role role : Role.values()) {
            String unit = role == Role.UNIT_CLERK ? DEMO_UNIT : role == Role.COUNTER ? DEMO_COUNTER_UNIT : null;
            String authority = role == Role.LIST_AUTHORITY ? DEMO_AUTHORITY : null;
            String bound = unit != null ? " (unit " + unit + ")" : authority != null ? " (authority " + authority + ")" : "";
            ApiKeys.IssuedKey key = apiKeys.issue("demo " + role.name().toLowerCase(), role, unit, authority, null);
            keys.append(String.format("%n  %-15s X-Api-Key: %s%s", role, key.secret(), bound));
        }
        // the key lines stay as they are in every language: scripts read "X-Api-Key: <secret>" from them
        log.info(OperatorLog.text("log.demo.loaded", targets.size(), withoutTarget.size(), loaded.lists().size(),
                loaded.measures().size()) + keys);
    }

    static List<UnitTarget> targets() {
        return rows(TARGETS).stream().map(DemoData::target).toList();
    }

    /**
     * The target command of a unit. Counties and districts (seed 000 row 37: 各不少于辖区内存续企业（含个体工商户）
     * 数量的50%) get theirs as that share, 0.5 × the existing enterprises of the reference file's
     * {@code existing_enterprises} column, counting the letters of every unit of the county ({@code includeSubUnits}:
     * 辖区内). The reference data names no county department, so the demo registers none and invents no figure for
     * one; a county's departments are added with {@code PUT /units/{id}} and {@code parentUnitId}.
     */
    static SetQuotaTargetCommand targetCommand(UnitTarget target, ExistingEnterpriseRatio ratio) {
        UnitId id = new UnitId(target.unitId());
        if (ratio == null) {
            return new SetQuotaTargetCommand(id, target.year(), target.annualTarget(), target.counting(), target.quarterlyRule());
        }
        return new SetQuotaTargetCommand(id, target.year(), ratio, target.counting(), target.quarterlyRule(), true);
    }

    /**
     * The share of existing enterprises of each county and district with its count from the reference file: 50%
     * (seed 000 row 37, 不少于辖区内存续企业（含个体工商户）数量的50%) of {@code existing_enterprises}.
     */
    static Map<String, ExistingEnterpriseRatio> countyRatios() {
        Map<String, ExistingEnterpriseRatio> ratios = new LinkedHashMap<>();
        for (CSVRecord row : rows(TARGETS)) {
            if (!row.get("existing_enterprises").isBlank()) {
                ratios.put(row.get("unit_id"), new ExistingEnterpriseRatio(SEED_COUNTY_SHARE, Integer.parseInt(row.get("existing_enterprises"))));
            }
        }
        return ratios;
    }

    static List<SaveUnitCommand> unitsWithoutTarget() {
        return rows(UNITS_WITHOUT_TARGET).stream()
                .map(row -> new SaveUnitCommand(new UnitId(row.get("unit_id")), row.get("unit_name"), UnitKind.valueOf(row.get("unit_kind"))))
                .toList();
    }

    private static List<CSVRecord> rows(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " missing from the command-side jar", e);
        }
    }

    private static UnitTarget target(CSVRecord row) {
        return new UnitTarget(row.get("unit_id"), row.get("unit_name"), UnitKind.valueOf(row.get("unit_kind")),
                Integer.parseInt(row.get("year")), Integer.parseInt(row.get("annual_target")),
                QuotaCounting.valueOf(row.get("counting")), !row.get("quarterly_quarter_share").isBlank());
    }
}
