package org.creditledger.unit.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.creditledger.readmodel.rebuild.RebuildableProjection;
import org.creditledger.unit.api.UnitId;
import org.creditledger.unit.api.UnitKind;
import org.creditledger.unit.api.UnitMessages.QuotaTargetSetEvent;
import org.creditledger.unit.api.UnitMessages.UnitChangedEvent;
import org.creditledger.unit.api.UnitMessages.UnitRegisteredEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the read tables of assessed units (考核单位 / 责任单位, {@code unit_view}) and their yearly targets
 * (年度目标任务, {@code unit_target_view}), and the unit each belongs to ({@code parent_unit_id}, checked on the
 * command side: the tree has no cycles). Every write is an upsert, so handling an event twice does no harm.
 */
@Component
@ProcessingGroup(UnitProjection.PROCESSING_GROUP)
public class UnitProjection {

    public static final String PROCESSING_GROUP = "units";

    /** The tables a rebuild replaces. Declaring them also gives the group the read models' tracking processor. */
    @Bean
    static RebuildableProjection unitTables() {
        return RebuildableProjection.of(PROCESSING_GROUP, "unit_view", "unit_target_view");
    }

    private final JdbcClient jdbc;

    UnitProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        save(event.unitId(), event.name(), event.kind(), event.parentUnitId());
    }

    @EventHandler
    void on(UnitChangedEvent event) {
        save(event.unitId(), event.name(), event.kind(), event.parentUnitId());
    }

    @EventHandler
    void on(QuotaTargetSetEvent event) {
        jdbc.sql("""
                        insert into unit_target_view (unit_id, year, annual_target, counting, quarterly_rule, include_sub_units,
                            ratio_of_existing, existing_enterprises)
                        values (:unit, :year, :target, :counting, :quarterly, :subUnits, :ratio, :existing)
                        on conflict (unit_id, year) do update set annual_target = excluded.annual_target,
                            counting = excluded.counting, quarterly_rule = excluded.quarterly_rule,
                            include_sub_units = excluded.include_sub_units, ratio_of_existing = excluded.ratio_of_existing,
                            existing_enterprises = excluded.existing_enterprises""")
                .param("unit", event.unitId().value())
                .param("year", event.year())
                .param("target", event.annualTarget())
                .param("counting", event.counting().name())
                .param("quarterly", event.quarterlyRule())
                .param("subUnits", event.countsSubUnits())
                .param("ratio", event.ratioOfExisting())
                .param("existing", event.existingEnterprises())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from unit_target_view").update();
        jdbc.sql("delete from unit_view").update();
    }

    private void save(UnitId unitId, String name, UnitKind kind, UnitId parentUnitId) {
        jdbc.sql("""
                        insert into unit_view (unit_id, name, kind, parent_unit_id) values (:unit, :name, :kind, :parent)
                        on conflict (unit_id) do update set name = excluded.name, kind = excluded.kind,
                            parent_unit_id = excluded.parent_unit_id""")
                .param("unit", unitId.value())
                .param("name", name)
                .param("kind", kind.name())
                .param("parent", parentUnitId == null ? null : parentUnitId.value())
                .update();
    }
}
