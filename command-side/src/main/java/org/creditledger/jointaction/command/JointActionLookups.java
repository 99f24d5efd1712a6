package org.creditledger.jointaction.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureChangedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.MeasureDefinedEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.MeasureCode;
import org.creditledger.catalogue.api.MeasureDomain;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.jointaction.api.JointActionMessages.JointActionRecordedEvent;
import org.creditledger.listing.api.EntryId;
import org.creditledger.listing.api.ListEntryMessages.SubjectDelistedEvent;
import org.creditledger.listing.api.ListEntryMessages.SubjectListedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * Command-side lookups for recording cases ({@code joint_action_entry}, {@code joint_action_measure}), written by a
 * subscribing processor in the transaction that stores the listing and catalogue events. A case is checked here,
 * never on the read side. Handlers are idempotent: an entry is inserted once, a measure only moves to a newer version.
 * A case itself is checked again here, under the entry's row lock, when it is stored.
 */
@Component
@ProcessingGroup(JointActionLookups.PROCESSING_GROUP)
class JointActionLookups {

    static final String PROCESSING_GROUP = "joint-action-lookups";

    /** A list entry as far as cases need it; {@code exitedOn} is null while it has not exited. */
    record Entry(EntryId entryId, String listCode, String subjectCode, LocalDate effectiveFrom, LocalDate effectiveUntil,
                 LocalDate exitedOn) {

        /** Why the entry was not in force on {@code day}, or empty when it was. */
        Optional<Text> notInForceOn(LocalDate day) {
            if (day.isBefore(effectiveFrom)) {
                return Optional.of(Text.of("jointaction.entry.not-yet", entryId, listCode, effectiveFrom));
            }
            if (day.isAfter(effectiveUntil)) {
                return Optional.of(Text.of("jointaction.entry.ended", entryId, listCode, effectiveUntil));
            }
            if (exitedOn != null && !day.isBefore(exitedOn)) {
                return Optional.of(Text.of("jointaction.entry.exited", entryId, listCode, exitedOn));
            }
            return Optional.empty();
        }
    }

    /** The current version of a measure. */
    record Measure(MeasureCode measureCode, MeasureKind kind, MeasureDomain domain, int version, List<String> listCodes) {
    }

    private static final String ENTRY_SQL = """
            select entry_id, list_code, subject_code, effective_from, effective_until, exited_on
            from joint_action_entry where entry_id = ?""";

    private final JdbcClient jdbc;

    JointActionLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubjectListedEvent event) {
        jdbc.sql("""
                        insert into joint_action_entry (entry_id, list_code, subject_code, effective_from, effective_until)
                        values (?, ?, ?, ?, ?) on conflict (entry_id) do nothing""")
                .params(event.entryId().value(), event.listCode(), event.subject().code(), event.effectiveFrom(),
                        event.effectiveUntil())
                .update();
    }

    @EventHandler
    void on(SubjectDelistedEvent event) {
        jdbc.sql("update joint_action_entry set exited_on = ? where entry_id = ?")
                .params(event.exitedOn(), event.entryId().value())
                .update();
    }

    /**
     * The rule "the entry was in force on the day the measure was taken", decided in the transaction that stores the
     * case: the entry's row is locked first, so an exit being stored at the same moment (it updates this row) either
     * committed before, and the case sees it and is refused, or waits until the case is stored. The controller's
     * check before sending the command only spares the refused case a transaction. Errors propagate
     * ({@link JointActionCommandConfiguration}), so a refusal here fails the command and nothing is stored.
     */
    @EventHandler
    void on(JointActionRecordedEvent event) {
        Entry entry = jdbc.sql(ENTRY_SQL + " for update")
                .param(event.entryId().value())
                .query(JointActionLookups::entry)
                .optional()
                .orElseThrow(() -> JointActionRefused.unknownEntry(event.entryId()));
        entry.notInForceOn(event.takenOn()).ifPresent(reason -> {
            throw JointActionRefused.notInForce(event.takenOn(), reason);
        });
        jdbc.sql("update joint_action_entry set cases_recorded = cases_recorded + 1 where entry_id = ?")
                .param(event.entryId().value())
                .update();
    }

    @EventHandler
    void on(MeasureDefinedEvent event) {
        saveMeasure(event.measureCode(), event.kind(), event.domain(), event.version(), event.listCodes());
    }

    @EventHandler
    void on(MeasureChangedEvent event) {
        saveMeasure(event.measureCode(), event.kind(), event.domain(), event.version(), event.listCodes());
    }

    private void saveMeasure(MeasureCode code, MeasureKind kind, MeasureDomain domain, int version, List<ListCode> listCodes) {
        jdbc.sql("""
                        insert into joint_action_measure (measure_code, kind, domain, version, list_codes)
                        values (?, ?, ?, ?, ?)
                        on conflict (measure_code) do update set kind = excluded.kind, domain = excluded.domain,
                            version = excluded.version, list_codes = excluded.list_codes
                        where joint_action_measure.version < excluded.version""")
                .params(code.value(), kind.name(), domain.name(), version,
                        listCodes.stream().map(ListCode::value).toArray(String[]::new))
                .update();
    }

    Optional<Entry> entry(EntryId entryId) {
        return jdbc.sql(ENTRY_SQL).param(entryId.value()).query(JointActionLookups::entry).optional();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(new EntryId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
    }

    Optional<Measure> measure(MeasureCode measureCode) {
        return jdbc.sql("select measure_code, kind, domain, version, list_codes from joint_action_measure where measure_code = ?")
                .param(measureCode.value())
                .query((rs, n) -> new Measure(new MeasureCode(rs.getString(1)), MeasureKind.valueOf(rs.getString(2)),
                        MeasureDomain.valueOf(rs.getString(3)), rs.getInt(4), strings(rs.getArray(5))))
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
