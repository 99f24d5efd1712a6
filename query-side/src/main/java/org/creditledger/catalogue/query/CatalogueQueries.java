package org.creditledger.catalogue.query;

import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.catalogue.api.MeasureBinds;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.catalogue.api.MeasureScope;
import org.creditledger.catalogue.query.CatalogueView.ListDefinitionView;
import org.creditledger.catalogue.query.CatalogueView.MeasureView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the current catalogue: {@code list_definition_view} and {@code measure_view}. */
@Component
class CatalogueQueries {

    private final JdbcClient jdbc;

    CatalogueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ListDefinitionView> lists() {
        return jdbc.sql("""
                        select list_code, version, name, colour, authority, legal_basis, period_months,
                               early_repair_allowed, min_months_before_repair, revoked_on_black_listing, valid_from,
                               criteria, exit_conditions, procedure, remedy, max_extension_months, repair_wait_from,
                               repair_decision_working_days, repair_commitment_required
                        from list_definition_view order by list_code""")
                .query((rs, n) -> new ListDefinitionView(rs.getString("list_code"), rs.getInt("version"), rs.getString("name"),
                        ListColour.valueOf(rs.getString("colour")), rs.getString("authority"), rs.getString("legal_basis"),
                        rs.getInt("period_months"), rs.getBoolean("early_repair_allowed"), rs.getInt("min_months_before_repair"),
                        rs.getBoolean("revoked_on_black_listing"), validFrom(rs), rs.getString("criteria"),
                        rs.getString("exit_conditions"), rs.getString("procedure"), rs.getString("remedy"),
                        rs.getInt("max_extension_months"), RepairWaitFrom.valueOf(rs.getString("repair_wait_from")),
                        rs.getInt("repair_decision_working_days"), rs.getBoolean("repair_commitment_required")))
                .list();
    }

    /** Current measures, optionally only those for one list and/or one domain. */
    List<MeasureView> measures(String listCode, MeasureDomain domain) {
        return jdbc.sql("""
                        select measure_code, version, name, kind, domain, scope, legal_basis, list_codes, binds,
                               valid_from, retired_from, retirement_reason
                        from measure_view
                        where (cast(:list as text) is null or list_codes @> array[cast(:list as text)])
                          and (cast(:domain as text) is null or domain = cast(:domain as text))
                        order by measure_code""")
                .param("list", listCode)
                .param("domain", domain == null ? null : domain.name())
                .query((rs, n) -> new MeasureView(rs.getString("measure_code"), rs.getInt("version"), rs.getString("name"),
                        MeasureKind.valueOf(rs.getString("kind")), MeasureDomain.valueOf(rs.getString("domain")),
                        MeasureScope.valueOf(rs.getString("scope")), rs.getString("legal_basis"),
                        List.of((String[]) rs.getArray("list_codes").getArray()), MeasureBinds.valueOf(rs.getString("binds")),
                        validFrom(rs),
                        rs.getObject("retired_from", LocalDate.class), rs.getString("retirement_reason")))
                .list();
    }

    private static OffsetDateTime validFrom(ResultSet rs) throws SQLException {
        return rs.getObject("valid_from", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
