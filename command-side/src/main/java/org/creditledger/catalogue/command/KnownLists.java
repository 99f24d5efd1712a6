package org.creditledger.catalogue.command;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinedEvent;
import org.creditledger.catalogue.api.CatalogueMessages.ListDefinitionChangedEvent;
import org.creditledger.catalogue.api.ListCode;
import org.creditledger.catalogue.api.CatalogueMessages.SaveListDefinitionCommand;
import org.creditledger.catalogue.api.ListColour;
import org.creditledger.catalogue.api.RepairWaitFrom;
import org.creditledger.catalogue.api.MeasureKind;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.creditledger.platform.i18n.Text;

/**
 * Command-side lookup table of defined lists ({@code known_list}), written by a subscribing processor in the
 * transaction that stores {@link ListDefinedEvent}. Measures and list entries check their list codes here, never on
 * the read side. List definitions are never deleted, so positive answers of {@link #exists} are cached; the
 * {@linkplain #facts facts} a list entry needs change with the list, so they are read fresh each time.
 */
@Component
@ProcessingGroup(KnownLists.PROCESSING_GROUP)
public class KnownLists {

    static final String PROCESSING_GROUP = "known-lists";

    private final JdbcClient jdbc;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    KnownLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What entering a subject on a list needs to know about the list, as the catalogue now defines it. {@code colour}
     * is null for a list defined before V2_9 and unchanged since. {@code maxExtensionMonths}: how far past
     * {@code periodMonths} an entry's decision may set its end (0 for lists defined before V2_14 and unchanged since).
     * The repair rules ({@code repairWaitFrom}, {@code repairDecisionWorkingDays}, {@code repairCommitmentRequired}) are
     * the defaults for lists defined before V2_15 and unchanged since.
     */
    public record ListFacts(ListCode listCode, String authority, int periodMonths, boolean earlyRepairAllowed,
                            int minMonthsBeforeRepair, ListColour colour, boolean revokedOnBlackListing,
                            int maxExtensionMonths, RepairWaitFrom repairWaitFrom, int repairDecisionWorkingDays,
                            boolean repairCommitmentRequired) {

        /** The facts of a list with the default repair rules. */
        public ListFacts(ListCode listCode, String authority, int periodMonths, boolean earlyRepairAllowed,
                         int minMonthsBeforeRepair, ListColour colour, boolean revokedOnBlackListing,
                         int maxExtensionMonths) {
            this(listCode, authority, periodMonths, earlyRepairAllowed, minMonthsBeforeRepair, colour,
                    revokedOnBlackListing, maxExtensionMonths, RepairWaitFrom.DEFAULT,
                    SaveListDefinitionCommand.DEFAULT_REPAIR_DECISION_WORKING_DAYS, false);
        }
    }

    @EventHandler
    void on(ListDefinedEvent event) {
        saveColour(event.listCode(), event.colour(), event.revokedOnBlackListing());
        save(new ListFacts(event.listCode(), event.authority(), event.periodMonths(), event.earlyRepairAllowed(),
                event.minMonthsBeforeRepair(), event.colour(), event.revokedOnBlackListing(), event.extensionMonths(),
                event.repairWaitFrom(), event.repairDecisionWorkingDays(), event.repairCommitmentRequired()));
    }

    @EventHandler
    void on(ListDefinitionChangedEvent event) {
        saveColour(event.listCode(), event.colour(), event.revokedOnBlackListing());
        save(new ListFacts(event.listCode(), event.authority(), event.periodMonths(), event.earlyRepairAllowed(),
                event.minMonthsBeforeRepair(), event.colour(), event.revokedOnBlackListing(), event.extensionMonths(),
                event.repairWaitFrom(), event.repairDecisionWorkingDays(), event.repairCommitmentRequired()));
    }

    private void save(ListFacts facts) {
        jdbc.sql("""
                        insert into known_list (list_code, authority, period_months, early_repair_allowed, min_months_before_repair,
                                                max_extension_months, repair_wait_from, repair_decision_working_days,
                                                repair_commitment_required)
                        values (:code, :authority, :period, :early, :minMonths, :extension, :waitFrom, :decisionDays,
                                :commitmentRequired)
                        on conflict (list_code) do update set authority = excluded.authority,
                            period_months = excluded.period_months, early_repair_allowed = excluded.early_repair_allowed,
                            min_months_before_repair = excluded.min_months_before_repair,
                            max_extension_months = excluded.max_extension_months,
                            repair_wait_from = excluded.repair_wait_from,
                            repair_decision_working_days = excluded.repair_decision_working_days,
                            repair_commitment_required = excluded.repair_commitment_required""")
                .param("code", facts.listCode().value())
                .param("authority", facts.authority())
                .param("period", facts.periodMonths())
                .param("early", facts.earlyRepairAllowed())
                .param("minMonths", facts.minMonthsBeforeRepair())
                .param("extension", facts.maxExtensionMonths())
                .param("waitFrom", facts.repairWaitFrom().name())
                .param("decisionDays", facts.repairDecisionWorkingDays())
                .param("commitmentRequired", facts.repairCommitmentRequired())
                .update();
    }

    private void saveColour(ListCode listCode, ListColour colour, boolean revokedOnBlackListing) {
        jdbc.sql("""
                        insert into known_list (list_code, colour, revoked_on_black_listing) values (:code, :colour, :revoked)
                        on conflict (list_code) do update set colour = excluded.colour,
                            revoked_on_black_listing = excluded.revoked_on_black_listing""")
                .param("code", listCode.value())
                .param("colour", colour == null ? null : colour.name())
                .param("revoked", revokedOnBlackListing)
                .update();
    }

    /**
     * @throws MeasureInconsistentWithList (422, field {@code listCodes}) naming every list whose colour does not fit
     *         the measure's kind: a {@code PUNISHMENT} names BLACK lists only, an {@code INCENTIVE} RED lists only.
     *         Lists whose colour is not known (defined before V2_9 and unchanged since) are not judged.
     */
    public void requireConsistent(MeasureKind kind, Collection<ListCode> listCodes, String field) {
        ListColour wanted = kind == MeasureKind.PUNISHMENT ? ListColour.BLACK : ListColour.RED;
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        for (ListCode code : listCodes) {
            jdbc.sql("select colour from known_list where list_code = ? and colour is not null").param(code.value())
                    .query(String.class).optional()
                    .filter(colour -> !colour.equals(wanted.name()))
                    .ifPresent(colour -> wrong.put(code.value(), colour));
        }
        if (!wrong.isEmpty()) {
            throw new MeasureInconsistentWithList(kind, wanted, wrong, field);
        }
    }

    /** A measure's kind does not fit the colour of a list it names (惩戒措施 apply to 黑名单, 激励措施 to 红名单). */
    public static class MeasureInconsistentWithList extends LedgerProblem {
        /** @param wrong the colour of each list that does not fit, by list code */
        MeasureInconsistentWithList(MeasureKind kind, ListColour wanted, Map<String, String> wrong, String field) {
            super(ProblemType.UNPROCESSABLE, Text.of("catalogue.measure.colour", Text.label(kind), Text.label(wanted),
                    String.join(", ", wrong.keySet())), wrong.entrySet().stream().map(w -> FieldProblem.of(field,
                    "catalogue.measure.cannot-name", Text.label(kind), w.getKey(), Text.label(ListColour.valueOf(w.getValue())))).toList());
        }
    }

    /** The list's current facts; empty when the list is unknown (or was defined before facts were kept, see V2_4). */
    public Optional<ListFacts> facts(ListCode listCode) {
        return jdbc.sql("""
                        select authority, period_months, early_repair_allowed, min_months_before_repair, colour,
                               revoked_on_black_listing, max_extension_months, repair_wait_from,
                               repair_decision_working_days, repair_commitment_required
                        from known_list where list_code = ? and authority is not null""")
                .param(listCode.value())
                .query((rs, n) -> new ListFacts(listCode, rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getString(5) == null ? null : ListColour.valueOf(rs.getString(5)), rs.getBoolean(6),
                        rs.getInt(7), RepairWaitFrom.valueOf(rs.getString(8)), rs.getInt(9), rs.getBoolean(10)))
                .optional();
    }

    public boolean exists(ListCode listCode) {
        if (seen.contains(listCode.value())) {
            return true;
        }
        boolean exists = jdbc.sql("select exists (select 1 from known_list where list_code = ?)").param(listCode.value())
                .query(Boolean.class).single();
        if (exists) {
            seen.add(listCode.value());
        }
        return exists;
    }

    /** @throws UnknownList (422, field {@code field}) when the list has no facts: never defined, or see {@link #facts} */
    public ListFacts requireFacts(ListCode listCode, String field) {
        return facts(listCode).orElseThrow(() -> new UnknownList(List.of(listCode), field));
    }

    /** @throws UnknownList (422, field {@code field}) naming every list code that was never defined */
    public void require(Collection<ListCode> listCodes, String field) {
        List<ListCode> unknown = listCodes.stream().filter(code -> !exists(code)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownList(unknown, field);
        }
    }

    /** A write names a list that the catalogue does not define. */
    public static class UnknownList extends LedgerProblem {
        UnknownList(List<ListCode> listCodes, String field) {
            super(ProblemType.UNPROCESSABLE, Text.of("catalogue.list.unknown", listCodes.stream().map(ListCode::value).collect(Collectors.joining(", "))),
                    listCodes.stream().map(code -> FieldProblem.of(field, "catalogue.list.unknown-field", code)).toList());
        }
    }
}
