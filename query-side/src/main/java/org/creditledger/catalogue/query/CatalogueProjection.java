package org.creditledger.catalogue.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureRetiredEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the catalogue's read tables: every version of each list definition and measure
 * ({@code list_definition_version}, {@code measure_version}, valid from the event's record time) and the current
 * one ({@code list_definition_view}, {@code measure_view}). Writes are upserts keyed by code and version, so handling
 * an event twice does no harm, and an older version never overwrites a newer current one.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection catalogueTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "list_definition_version", "list_definition_view", "measure_version",
                "measure_view");
    }

    private final JdbcClient jdbc;

    CatalogueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ListDefinedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        saveList(new ListRow(e.listCode().value(), e.version(), e.name(), e.colour().name(), e.authority(), e.legalBasis(),
                e.periodMonths(), e.earlyRepairAllowed(), e.minMonthsBeforeRepair(), e.revokedOnBlackListing(), e.criteria(),
                e.exitConditions(), e.procedure(), e.remedy(), e.extensionMonths(), e.repairWaitFrom().name(),
                e.repairDecisionWorkingDays(), e.repairCommitmentRequired()), recordedAt);
    }

    @EventHandler
    void on(ListDefinitionChangedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        saveList(new ListRow(e.listCode().value(), e.version(), e.name(), e.colour().name(), e.authority(), e.legalBasis(),
                e.periodMonths(), e.earlyRepairAllowed(), e.minMonthsBeforeRepair(), e.revokedOnBlackListing(), e.criteria(),
                e.exitConditions(), e.procedure(), e.remedy(), e.extensionMonths(), e.repairWaitFrom().name(),
                e.repairDecisionWorkingDays(), e.repairCommitmentRequired()), recordedAt);
    }

    @EventHandler
    void on(MeasureDefinedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        saveMeasure(new MeasureRow(e.measureCode().value(), e.version(), e.name(), e.kind().name(), e.domain().name(),
                e.scope().name(), e.legalBasis(), codes(e.listCodes()), e.bindsOrDefault().name()), recordedAt);
    }

    @EventHandler
    void on(MeasureChangedEvent e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        saveMeasure(new MeasureRow(e.measureCode().value(), e.version(), e.name(), e.kind().name(), e.domain().name(),
                e.scope().name(), e.legalBasis(), codes(e.listCodes()), e.bindsOrDefault().name()), recordedAt);
    }

    @EventHandler
    void on(MeasureRetiredEvent e) {
        jdbc.sql("update measure_view set retired_from = ?, retirement_reason = ? where measure_code = ?")
                .params(e.effectiveOn(), e.reason(), e.measureCode().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from measure_view").update();
        jdbc.sql("delete from measure_version").update();
        jdbc.sql("delete from list_definition_view").update();
        jdbc.sql("delete from list_definition_version").update();
    }

    private record ListRow(String code, int version, String name, String colour, String authority, String legalBasis,
                           int periodMonths, boolean earlyRepairAllowed, int minMonthsBeforeRepair,
                           boolean revokedOnBlackListing, String criteria, String exitConditions, String procedure,
                           String remedy, int maxExtensionMonths, String repairWaitFrom, int repairDecisionWorkingDays,
                           boolean repairCommitmentRequired) {
    }

    private record MeasureRow(String code, int version, String name, String kind, String domain, String scope,
                              String legalBasis, String[] listCodes, String binds) {
    }

    private void saveList(ListRow row, Instant recordedAt) {
        for (String table : new String[] {"list_definition_version", "list_definition_view"}) {
            String conflict = table.endsWith("_version")
                    ? "on conflict (list_code, version) do nothing"
                    : """
                      on conflict (list_code) do update set version = excluded.version, name = excluded.name,
                          colour = excluded.colour, authority = excluded.authority, legal_basis = excluded.legal_basis,
                          period_months = excluded.period_months, early_repair_allowed = excluded.early_repair_allowed,
                          min_months_before_repair = excluded.min_months_before_repair,
                          revoked_on_black_listing = excluded.revoked_on_black_listing, criteria = excluded.criteria,
                          exit_conditions = excluded.exit_conditions, procedure = excluded.procedure,
                          remedy = excluded.remedy, max_extension_months = excluded.max_extension_months,
                          repair_wait_from = excluded.repair_wait_from,
                          repair_decision_working_days = excluded.repair_decision_working_days,
                          repair_commitment_required = excluded.repair_commitment_required,
                          valid_from = excluded.valid_from
                      where list_definition_view.version < excluded.version""";
            jdbc.sql("insert into " + table + """
                             (list_code, version, name, colour, authority, legal_basis, period_months,
                                early_repair_allowed, min_months_before_repair, revoked_on_black_listing, criteria,
                                exit_conditions, procedure, remedy, max_extension_months, repair_wait_from,
                                repair_decision_working_days, repair_commitment_required, valid_from)
                            values (:code, :version, :name, :colour, :authority, :basis, :period, :early, :min, :revoked,
                                    :criteria, :exitConditions, :procedure, :remedy, :extension, :waitFrom,
                                    :decisionDays, :commitmentRequired, :from)
                            """ + conflict)
                    .param("code", row.code())
                    .param("version", row.version())
                    .param("name", row.name())
                    .param("colour", row.colour())
                    .param("authority", row.authority())
                    .param("basis", row.legalBasis())
                    .param("period", row.periodMonths())
                    .param("early", row.earlyRepairAllowed())
                    .param("min", row.minMonthsBeforeRepair())
                    .param("revoked", row.revokedOnBlackListing())
                    .param("criteria", row.criteria())
                    .param("exitConditions", row.exitConditions())
                    .param("procedure", row.procedure())
                    .param("remedy", row.remedy())
                    .param("extension", row.maxExtensionMonths())
                    .param("waitFrom", row.repairWaitFrom())
                    .param("decisionDays", row.repairDecisionWorkingDays())
                    .param("commitmentRequired", row.repairCommitmentRequired())
                    .param("from", Timestamp.from(recordedAt))
                    .update();
        }
    }

    private void saveMeasure(MeasureRow row, Instant recordedAt) {
        for (String table : new String[] {"measure_version", "measure_view"}) {
            String conflict = table.endsWith("_version")
                    ? "on conflict (measure_code, version) do nothing"
                    : """
                      on conflict (measure_code) do update set version = excluded.version, name = excluded.name,
                          kind = excluded.kind, domain = excluded.domain, scope = excluded.scope,
                          legal_basis = excluded.legal_basis, list_codes = excluded.list_codes, binds = excluded.binds,
                          valid_from = excluded.valid_from
                      where measure_view.version < excluded.version""";
            jdbc.sql("insert into " + table + """
                             (measure_code, version, name, kind, domain, scope, legal_basis, list_codes, binds, valid_from)
                            values (:code, :version, :name, :kind, :domain, :scope, :basis, :lists, :binds, :from)
                            """ + conflict)
                    .param("code", row.code())
                    .param("version", row.version())
                    .param("name", row.name())
                    .param("kind", row.kind())
                    .param("domain", row.domain())
                    .param("scope", row.scope())
                    .param("basis", row.legalBasis())
                    .param("lists", row.listCodes())
                    .param("binds", row.binds())
                    .param("from", Timestamp.from(recordedAt))
                    .update();
        }
    }

    private static String[] codes(List<ListCode> listCodes) {
        return listCodes.stream().map(ListCode::value).toArray(String[]::new);
    }
}
